package io.wxbind.auth.flow;

import io.wxbind.config.SecurityConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Hands out the {@link CookiePolicy} of the {@code wxbind.cookie.secure} setting, validated with
 * every other one in {@code io.wxbind.config}; reads no configuration itself.
 */
@ApplicationScoped
public class CookiePolicyProducer {

    private static final Logger LOG = Logger.getLogger(CookiePolicyProducer.class.getName());

    @Inject
    SecurityConfig settings;

    private CookiePolicy policy;

    @PostConstruct
    void load() {
        policy = new CookiePolicy(settings.secureCookies());
        LOG.info(() -> "Cookies: HttpOnly, SameSite=Lax, " + (policy.secure() ? "Secure, browser cookie named __Host-" : "not Secure (http)"));
    }

    @Produces
    @Dependent
    CookiePolicy policy() {
        return policy;
    }
}
