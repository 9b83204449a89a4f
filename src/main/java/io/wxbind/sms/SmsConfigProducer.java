package io.wxbind.sms;

import io.wxbind.config.WeChatConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@code wxbind.sms.*} from MicroProfile Config once, at deployment, so a bad value
 * fails the deployment with every problem listed (like {@code WeChatConfigProducer}), and
 * hands out the immutable {@link SmsConfig}.
 */
@ApplicationScoped
public class SmsConfigProducer {

    private static final Logger LOG = Logger.getLogger(SmsConfigProducer.class.getName());

    @Inject
    Config mpConfig;

    @Inject
    WeChatConfig weChat;

    private SmsConfig config;

    @PostConstruct
    void load() {
        config = SmsConfig.read(key -> mpConfig.getOptionalValue(key, String.class), weChat.appSecret());
        LOG.info(() -> "SMS codes configured: " + config);
    }

    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        config.codeTtl();
    }

    @Produces
    @Dependent
    SmsConfig config() {
        return config;
    }
}
