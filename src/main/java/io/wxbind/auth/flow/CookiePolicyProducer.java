package io.wxbind.auth.flow;

import io.wxbind.config.WeChatConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@code wxbind.cookie.secure} once (with {@code wechat.public-base-url} as the default's
 * source) and hands out the {@link CookiePolicy}. A bad value fails the deployment: the
 * cookie setup in {@code io.wxbind.web} asks for the policy while the application starts.
 */
@ApplicationScoped
public class CookiePolicyProducer {

    private static final Logger LOG = Logger.getLogger(CookiePolicyProducer.class.getName());

    @Inject
    Config mpConfig;

    @Inject
    WeChatConfig weChat;

    private CookiePolicy policy;

    @PostConstruct
    void load() {
        policy = CookiePolicy.decide(weChat.publicBaseUrl(), mpConfig.getOptionalValue("wxbind.cookie.secure", String.class));
        LOG.info(() -> "Cookies: HttpOnly, SameSite=Lax, " + (policy.secure() ? "Secure, browser cookie named __Host-" : "not Secure (http)"));
    }

    @Produces
    @Dependent
    CookiePolicy policy() {
        return policy;
    }
}
