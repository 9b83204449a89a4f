package io.wxbind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.Instance;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** The producer as CDI wires it: MicroProfile Config, and a DeclaredSettings bean that may be missing. */
class WxBindConfigProducerTest {

    private static final Map<String, String> MP = Map.of("wechat.app-id", "wxMP", "wechat.app-secret", "secret");

    @Test
    void loadWhenNoDeclaredSettingsBeanThenMicroProfileConfigAndDefaults() {
        WxBindConfigProducer producer = producer(MP, null);
        producer.load();
        assertEquals("wxMP", producer.weChat().appId());
        assertEquals("/wechat/login", producer.mechanism().loginPath());
    }

    @Test
    void loadWhenDeclaredSettingsBeanThenBetweenMicroProfileConfigAndDefaults() {
        WxBindConfigProducer producer = producer(MP, Map.of("wechat.app-id", "wxDECLARED", "wxbind.path.login", "/in/wechat"));
        producer.load();
        assertEquals("wxMP", producer.weChat().appId());
        assertEquals("/in/wechat", producer.mechanism().loginPath());
    }

    @Test
    void loadWhenMisconfiguredThenOneFailure() {
        WxBindConfigProducer producer = producer(Map.of("wechat.app-secret", "secret"), Map.of("wechat.qr.ttl-seconds", "5"));
        IllegalStateException e = assertThrows(IllegalStateException.class, producer::load);
        assertTrue(e.getMessage().startsWith("WxBind is misconfigured (2 problems):\n  - wechat.app-id: required (set it as a MicroProfile"
                + " Config property or the environment variable WECHAT_APP_ID, or declare it in code)"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  - wechat.qr.ttl-seconds: must be between 60 and 2592000, was 5"), e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static WxBindConfigProducer producer(Map<String, String> mp, Map<String, String> declared) {
        WxBindConfigProducer producer = new WxBindConfigProducer();
        producer.mpConfig = (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOptionalValue" -> Optional.ofNullable(mp.get((String) args[0]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        DeclaredSettings bean = () -> declared;
        producer.declared = (Instance<DeclaredSettings>) Proxy.newProxyInstance(Instance.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isResolvable" -> declared != null;
                    case "get" -> {
                        if (declared == null) {
                            throw new IllegalStateException("unsatisfied");
                        }
                        yield bean;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return producer;
    }
}
