package io.wxbind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The layers (MicroProfile Config over declared values over defaults) and the one failure. */
class WxBindSettingsTest {

    private static final String SECRET = "s3cr3t-app-secret-value";

    private static WxBindSettings read(Map<String, String> mpConfig, Map<String, String> declared) {
        return WxBindSettings.read(k -> Optional.ofNullable(mpConfig.get(k)), declared);
    }

    private static Map<String, String> minimal() {
        Map<String, String> m = new HashMap<>();
        m.put("wechat.app-id", "wxMP");
        m.put("wechat.app-secret", SECRET);
        return m;
    }

    @Test
    void readWhenNothingDeclaredThenBuiltInDefaults() {
        WxBindSettings s = read(minimal(), Map.of());
        assertEquals(FirstLoginPolicy.BIND, s.weChat().firstLogin());
        assertEquals("/wechat/callback", s.mechanism().callbackPath());
        assertEquals(List.of(), s.mechanism().protectedPaths());
        assertTrue(s.mechanism().bearerTokens());
        assertEquals(Duration.ofSeconds(180), s.qr().confirmTtl());
        assertEquals(Duration.ofDays(90), s.audit().retention());
        assertFalse(s.demo().seedAccounts());
    }

    @Test
    void readWhenDeclaredThenDeclaredBeatsDefaultAndMicroProfileConfigBeatsDeclared() {
        Map<String, String> declared = Map.of("wechat.app-id", "wxDECLARED", "wechat.first-login", "register",
                "wxbind.protected-paths", "/app/*, *.xhtml", "wxbind.path.login", "/portal/wechat-login",
                "wxbind.bearer-tokens", "false", "wechat.default-groups", "staff,portal");
        Map<String, String> mp = minimal(); // wechat.app-id=wxMP
        mp.put("wxbind.path.login", "/ops/login");
        WxBindSettings s = read(mp, declared);
        assertEquals("wxMP", s.weChat().appId(), "MicroProfile Config wins over the declared app");
        assertEquals("/ops/login", s.mechanism().loginPath(), "MicroProfile Config wins over the declared path");
        assertEquals(FirstLoginPolicy.REGISTER, s.weChat().firstLogin(), "declared wins over the default");
        assertEquals(List.of("/app/*", "*.xhtml"), s.mechanism().protectedPaths());
        assertFalse(s.mechanism().bearerTokens());
        assertEquals(List.of("staff", "portal"), List.copyOf(s.weChat().defaultGroups()));
        assertEquals("/wechat/bind", s.mechanism().bindPath(), "neither: the default");
    }

    @Test
    void readWhenMicroProfileValueBlankThenDeclaredStillApplies() {
        Map<String, String> mp = minimal();
        mp.put("wechat.first-login", " ");
        assertEquals(FirstLoginPolicy.REGISTER, read(mp, Map.of("wechat.first-login", "register")).weChat().firstLogin());
    }

    @Test
    void readWhenSecretDeclaredThenRefusedNamedAndNeverUsedOrPrinted() {
        Map<String, String> mp = minimal();
        mp.remove("wechat.app-secret");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> read(mp, Map.of("wechat.app-secret", SECRET, "wxbind.state-key", SECRET + SECRET)));
        assertTrue(e.getMessage().contains("wechat.app-secret: a secret is never declared in code"), e.getMessage());
        assertTrue(e.getMessage().contains("wxbind.state-key: a secret is never declared in code"), e.getMessage());
        assertTrue(e.getMessage().contains("wechat.app-secret: required (set it as a MicroProfile Config property or the environment"
                + " variable WECHAT_APP_SECRET)"), "the declared secret was not used: " + e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void readWhenProblemsInEveryAreaThenOneFailureListingEachByKeyWithoutSecrets() {
        Map<String, String> mp = minimal();
        mp.put("wechat.http-timeout-ms", "soon");
        mp.put("wxbind.sms.pepper", "short");
        mp.put("wxbind.state-key", "also-short");
        mp.put("wechat.qr.confirm-seconds", "5");
        mp.put("wxbind.audit.retention-days", "0");
        mp.put("wxbind.security-stamp.cache-seconds", "600");
        mp.put("wxbind.trusted-proxies", "proxy.local");
        mp.put("wxbind.guess.window-seconds", "1");
        mp.put("wxbind.api-token.ttl-seconds", "1");
        mp.put("wechat.push.wxMP.token", "bad token!");
        mp.put("wxbind.cookie.secure", "yes");
        mp.put("wxbind.demo.seed-accounts", "maybe");
        mp.put("wechat.token.endpoint", "fast");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> read(mp, Map.of("wxbind.path.bind", "bind", "wxbind.protected-paths", "/app/*/x")));
        String message = e.getMessage();
        for (String key : List.of("wechat.http-timeout-ms", "wxbind.sms.pepper", "wxbind.state-key", "wechat.qr.confirm-seconds",
                "wxbind.audit.retention-days", "wxbind.security-stamp.cache-seconds", "wxbind.trusted-proxies",
                "wxbind.guess.window-seconds", "wxbind.api-token.ttl-seconds", "wechat.push.wxMP.token", "wxbind.cookie.secure",
                "wxbind.demo.seed-accounts", "wechat.token.endpoint", "wxbind.path.bind", "wxbind.protected-paths")) {
            assertTrue(message.contains("\n  - " + key + ":"), key + " missing from: " + message);
        }
        assertTrue(message.startsWith("WxBind is misconfigured (15 problems):"), message);
        for (String secret : List.of(SECRET, "short", "also-short", "bad token!")) {
            assertFalse(message.contains(secret), "secret printed: " + message);
        }
    }

    @Test
    void summaryWhenLoggedThenNoSecret() {
        Map<String, String> mp = minimal();
        mp.put("wxbind.state-key", "k".repeat(40));
        mp.put("wxbind.sms.pepper", "p".repeat(20));
        mp.put("wechat.push.wxMP.token", "pushToken123");
        WxBindSettings s = read(mp, Map.of());
        for (String secret : List.of(SECRET, "k".repeat(40), "p".repeat(20), "pushToken123")) {
            assertFalse(s.summary().contains(secret), s.summary());
        }
        assertNull(read(minimal(), Map.of()).weChat().publicBaseUrl());
    }
}
