package io.wxbind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WeChatConfigTest {

    private static WeChatConfig read(Map<String, String> values) {
        return WeChatConfig.read(k -> Optional.ofNullable(values.get(k)));
    }

    private static Map<String, String> minimal() {
        Map<String, String> m = new HashMap<>();
        m.put("wechat.app-id", "wx1a2b3c4d5e6f7a8b");
        m.put("wechat.app-secret", "topsecret");
        return m;
    }

    @Test
    void readWhenMinimalThenRealWeChatHostsAndSafeDefaults() {
        WeChatConfig c = read(minimal());
        assertEquals("https://open.weixin.qq.com", c.openBaseUrl().toString());
        assertEquals("https://api.weixin.qq.com", c.apiBaseUrl().toString());
        assertEquals("snsapi_base", c.scope());
        assertEquals(FirstLoginPolicy.BIND, c.firstLogin());
        assertEquals(Duration.ofMinutes(10), c.stateTtl());
        assertEquals(Duration.ofMinutes(5), c.bindTicketTtl());
        assertEquals(Duration.ofSeconds(5), c.httpTimeout());
        assertFalse(c.toString().contains("topsecret"), "secret must not be printable");
    }

    @Test
    void readWhenRegisterPolicyThenUserinfoScope() {
        Map<String, String> m = minimal();
        m.put("wechat.first-login", "register");
        assertEquals("snsapi_userinfo", read(m).scope());
    }

    @Test
    void readWhenTrailingSlashAndAllowListThenNormalised() {
        Map<String, String> m = minimal();
        m.put("wechat.api-base-url", "http://localhost:8080/wechat-sim/api/");
        m.put("wechat.return-url-allow-list", "https://Portal.example.com:443/ignored, http://localhost:9000");
        WeChatConfig c = read(m);
        assertEquals("http://localhost:8080/wechat-sim/api", c.apiBaseUrl().toString());
        assertEquals(List.of("https://portal.example.com", "http://localhost:9000"), c.returnUrlOrigins());
    }

    @Test
    void readWhenEverythingWrongThenOneFailureListingEachProblem() {
        Map<String, String> m = new HashMap<>();
        m.put("wechat.api-base-url", "not a url");
        m.put("wechat.first-login", "maybe");
        m.put("wechat.http-timeout-ms", "soon");
        m.put("wechat.scope", "snsapi_login");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(m));
        String msg = e.getMessage();
        for (String key : List.of("wechat.app-id", "wechat.app-secret", "wechat.api-base-url", "wechat.first-login",
                "wechat.http-timeout-ms", "wechat.scope")) {
            assertTrue(msg.contains(key), key + " missing from: " + msg);
        }
        assertTrue(msg.contains("WECHAT_APP_SECRET"), "tells the env var name");
    }

    @Test
    void readWhenRegisterWithBaseScopeThenRefused() {
        Map<String, String> m = minimal();
        m.put("wechat.first-login", "register");
        m.put("wechat.scope", "snsapi_base");
        assertTrue(assertThrows(IllegalStateException.class, () -> read(m)).getMessage().contains("snsapi_userinfo"));
    }
}
