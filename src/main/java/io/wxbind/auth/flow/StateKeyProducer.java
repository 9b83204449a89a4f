package io.wxbind.auth.flow;

import io.wxbind.config.SecurityConfig;
import io.wxbind.config.WeChatConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Hands out the {@link StateKey}: the secret {@code wxbind.state-key} checked in
 * {@code io.wxbind.config}, else a key derived from {@code wechat.app-secret}. Reads no
 * configuration itself.
 */
@ApplicationScoped
public class StateKeyProducer {

    @Inject
    SecurityConfig settings;

    @Inject
    WeChatConfig weChat;

    private StateKey key;

    @PostConstruct
    void load() {
        key = StateKey.of(settings.stateKey(), weChat.appSecret());
    }

    @Produces
    @Dependent
    StateKey key() {
        return key;
    }
}
