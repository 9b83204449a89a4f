package io.wxbind.auth.flow;

import io.wxbind.config.WeChatConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the optional secret {@code wxbind.state-key} once, at deployment (a too short one fails
 * the deployment), and hands out the {@link StateKey}. Unset, the key is derived from
 * {@code wechat.app-secret}.
 */
@ApplicationScoped
public class StateKeyProducer {

    static final String KEY = "wxbind.state-key";

    @Inject
    Config mpConfig;

    @Inject
    WeChatConfig weChat;

    private StateKey key;

    @PostConstruct
    void load() {
        key = read(mpConfig.getOptionalValue(KEY, String.class), weChat.appSecret());
    }

    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        key.toString();
    }

    @Produces
    @Dependent
    StateKey key() {
        return key;
    }

    /** Pure and unit-testable: the value never appears in the message. */
    static StateKey read(Optional<String> configured, String appSecret) {
        Optional<String> value = configured.map(String::trim).filter(v -> !v.isEmpty());
        if (value.isPresent() && value.get().length() < StateKey.MIN_CONFIGURED_LENGTH) {
            throw new IllegalStateException(KEY + ": must be at least " + StateKey.MIN_CONFIGURED_LENGTH
                    + " characters (a secret: password alias or environment variable WXBIND_STATE_KEY)");
        }
        return StateKey.of(value, appSecret);
    }
}
