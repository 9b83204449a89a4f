package io.wxbind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The records that used to be read by their feature's own {@code @ConfigProperty} fields. */
class FeatureConfigTest {

    @Test
    void qrWhenOutOfRangeThenEachKeyNamed() {
        assertEquals(Duration.ofSeconds(300), ConfigFixtures.read(QrConfig::read).ttl());
        assertEquals(List.of("wechat.qr.ttl-seconds: must be between 60 and 2592000, was 59",
                "wechat.qr.confirm-seconds: must be between 30 and 900, was 901",
                "wechat.qr.login-per-ip: must be between 1 and 100000, was 0",
                "wechat.qr.bind-fresh-login-seconds: must be between 1 and 86400, was 0",
                "wechat.qr.sse-per-node: must be at least wechat.qr.sse-per-browser (5), was 4"),
                ConfigFixtures.problems(QrConfig::read, "wechat.qr.ttl-seconds", "59", "wechat.qr.confirm-seconds", "901",
                        "wechat.qr.login-per-ip", "0", "wechat.qr.bind-fresh-login-seconds", "0", "wechat.qr.sse-per-browser", "5",
                        "wechat.qr.sse-per-node", "4"));
    }

    @Test
    void auditWhenRetentionOutOfRangeThenNamed() {
        assertEquals(Duration.ofDays(3650), ConfigFixtures.read(AuditConfig::read, "wxbind.audit.retention-days", "3650").retention());
        for (String bad : List.of("0", "-5", "3651")) {
            List<String> problems = ConfigFixtures.problems(AuditConfig::read, "wxbind.audit.retention-days", bad);
            assertEquals(List.of("wxbind.audit.retention-days: must be between 1 and 3650, was " + bad), problems);
        }
    }

    @Test
    void linkWhenKeywordsThenTrimmedLowerCase() {
        LinkConfig c = ConfigFixtures.read(LinkConfig::read, "wechat.bind-keywords", " Bind , 绑定 ,LINK");
        assertEquals(List.of("bind", "绑定", "link"), c.keywords());
        assertEquals("BIND", c.menuKey());
    }

    @Test
    void nodeWhenProxiesThenAddressesAndBlocksOnlyNeverHostNames() {
        assertEquals(List.of("10.0.0.0/8", "::1", "2001:db8::/32"),
                ConfigFixtures.read(NodeConfig::read, "wxbind.trusted-proxies", "10.0.0.0/8, ::1,2001:db8::/32").trustedProxies());
        assertEquals(List.of("wxbind.trusted-proxies: not an IP address or CIDR block: 'proxy.local'",
                "wxbind.trusted-proxies: not an IP address or CIDR block: '10.0.0.0/33'",
                "wxbind.trusted-proxies: not an IP address or CIDR block: '::1/129'"),
                ConfigFixtures.problems(NodeConfig::read, "wxbind.trusted-proxies", "proxy.local, 10.0.0.0/33, ::1/129"));
        assertFalse(ConfigFixtures.read(NodeConfig::read).nodeName().isBlank(), "the JVM's name by default");
    }

    @Test
    void securityWhenCookieSecureUnsetThenFollowsPublicUrlElseTheSettingWins() {
        WeChatConfig https = WeChatConfig.read(k -> Optional.ofNullable(switch (k) {
            case "wechat.app-id" -> "wx1";
            case "wechat.app-secret" -> "secret";
            case "wechat.public-base-url" -> "https://portal.example.com/wxbind";
            default -> null;
        }));
        assertTrue(ConfigFixtures.read((s, p) -> SecurityConfig.read(s, https, p)).secureCookies());
        assertFalse(ConfigFixtures.read((s, p) -> SecurityConfig.read(s, https, p), "wxbind.cookie.secure", "false").secureCookies());
        WeChatConfig plain = new WeChatConfig("wx1", "secret", https.openBaseUrl(), https.apiBaseUrl(), https.mpBaseUrl(), https.scope(),
                https.firstLogin(), URI.create("http://localhost:8080"), List.of(), https.httpTimeout(), https.stateTtl(),
                https.bindTicketTtl(), https.defaultGroups());
        assertFalse(ConfigFixtures.read((s, p) -> SecurityConfig.read(s, plain, p)).secureCookies());
        assertTrue(ConfigFixtures.read((s, p) -> SecurityConfig.read(s, plain, p), "wxbind.cookie.secure", " TRUE ").secureCookies());
    }

    @Test
    void securityWhenStateKeyShortThenNamedWithoutTheValue() {
        WeChatConfig weChat = WeChatConfig.read(k -> Optional.ofNullable(k.equals("wechat.app-id") ? "wx1"
                : k.equals("wechat.app-secret") ? "secret" : null));
        List<String> problems = ConfigFixtures.problems((s, p) -> SecurityConfig.read(s, weChat, p), "wxbind.state-key",
                "short-secret-value", "wxbind.security-stamp.cache-seconds", "61");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("wxbind.security-stamp.cache-seconds: must be between 0 and 60"), problems.toString());
        assertTrue(problems.get(1).startsWith("wxbind.state-key: must be at least 32 characters"), problems.toString());
        assertFalse(problems.toString().contains("short-secret-value"));
        SecurityConfig ok = ConfigFixtures.read((s, p) -> SecurityConfig.read(s, weChat, p), "wxbind.state-key", "k".repeat(32));
        assertEquals(Optional.of("k".repeat(32)), ok.stateKey());
        assertFalse(ok.toString().contains("kkkk"), ok.toString());
    }

    @Test
    void demoWhenInboxUrlThenCheckedAsUrl() {
        DemoConfig c = ConfigFixtures.read(DemoConfig::read, "wxbind.demo.seed-accounts", "true", "wxbind.demo.sms-inbox-url",
                "http://localhost:8080/wechat-sim/control/sms");
        assertTrue(c.seedAccounts());
        assertEquals(Optional.of(URI.create("http://localhost:8080/wechat-sim/control/sms")), c.smsInboxUrl());
        assertEquals(List.of("wxbind.demo.sms-inbox-url: not an absolute http(s) URL: 'inbox'"),
                ConfigFixtures.problems(DemoConfig::read, "wxbind.demo.sms-inbox-url", "inbox"));
    }
}
