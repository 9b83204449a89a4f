package io.wxbind.simulator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SimConfigTest {

    private static SimConfig parse(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return SimConfigParser.parse(properties, "test");
    }

    @Test
    void defaultsWhenLoadedThenDemoAppsAndPeople() {
        SimConfig config = SimConfig.defaults();
        SimApp official = config.app("wx1a2b3c4d5e6f7a8b").orElseThrow();
        assertEquals(AppType.OFFICIAL, official.type());
        assertEquals("WxBind Demo Service Account", official.name());
        assertEquals("open-wxbind-demo", official.openPlatform());
        assertEquals("wxbinddemotoken", official.token());
        assertEquals("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", official.aesKey());
        assertTrue(official.secretMatches("5e1f0c3a9b7d4e2f8a6c1b3d5e7f9a0b"));
        assertEquals(AppType.WEBSITE, config.app("wx0f1e2d3c4b5a6978").orElseThrow().type());
        assertEquals(AppType.MINIPROGRAM, config.app("wx7e6d5c4b3a291807").orElseThrow().type());
        SimApp mobile = config.app(SimDefaults.MOBILE_APP_ID).orElseThrow();
        assertEquals(AppType.MOBILE, mobile.type());
        assertEquals("open-wxbind-demo", mobile.openPlatform());
        assertEquals("Li Na 李娜", config.people().get(1).nickname());
        assertEquals(3, config.people().size());
    }

    @Test
    void parseWhenAllKeysThenApp() throws IOException {
        SimConfig config = parse("""
                app.wxtest.secret=abc
                app.wxtest.type=website
                app.wxtest.name=Test site
                app.wxtest.open-platform=open-x
                app.wxtest.oauth-domain=login.example.com
                app.wxtest.token-expires-in=60
                app.wxtest.token-grace-seconds=0
                app.wxtest.token-daily-quota=5
                app.wxtest.ip-allow-list=10.0.0.0/8, ::1
                person.chen.nickname=Chen 陈
                person.chen.snapshot=true
                secret=s3
                """);
        SimApp app = config.app("wxtest").orElseThrow();
        assertEquals(AppType.WEBSITE, app.type());
        assertEquals("login.example.com", app.oauthDomain());
        assertEquals(60, app.tokenExpiresIn());
        assertEquals(0, app.tokenGraceSeconds());
        assertEquals(5, app.tokenDailyQuota());
        assertTrue(app.ipAllowList().allows("10.1.2.3"));
        assertFalse(app.ipAllowList().allows("11.1.2.3"));
        assertEquals(1, config.people().size());
        assertTrue(config.people().get(0).snapshot());
        assertTrue(config.app("wx1a2b3c4d5e6f7a8b").isEmpty(), "a file with apps replaces the default apps");
    }

    @Test
    void parseWhenOnlyPeopleThenDefaultApps() throws IOException {
        SimConfig config = parse("person.x.nickname=X\n");
        assertTrue(config.app("wx1a2b3c4d5e6f7a8b").isPresent());
        assertEquals("x", config.people().get(0).id());
    }

    @Test
    void parseWhenBadValuesThenOneErrorListingAll() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("""
                app.wxbad.type=unknown
                app.wxbad.token-expires-in=soon
                app.wxbad.ip-allow-list=example.com
                app.wxbad.color=red
                """));
        String message = e.getMessage();
        assertTrue(message.contains("app.wxbad.secret is required"), message);
        assertTrue(message.contains("app.wxbad.type"), message);
        assertTrue(message.contains("token-expires-in"), message);
        assertTrue(message.contains("ip-allow-list"), message);
        assertTrue(message.contains("unknown key 'app.wxbad.color'"), message);
    }

    @Test
    void toStringWhenLoggedThenNoSecrets() {
        SimApp app = SimConfig.defaults().app("wx1a2b3c4d5e6f7a8b").orElseThrow();
        String text = app.toString();
        assertFalse(text.contains(app.secret()), text);
        assertFalse(text.contains(app.aesKey()), text);
        assertFalse(text.contains(app.token()), text);
    }

    @Test
    void secretMatchesWhenWrongOrNullThenFalse() {
        SimApp app = SimConfig.defaults().app("wx1a2b3c4d5e6f7a8b").orElseThrow();
        assertFalse(app.secretMatches("5e1f0c3a9b7d4e2f8a6c1b3d5e7f9a0"));
        assertFalse(app.secretMatches(null));
        assertNull(SimConfig.defaults().app(null).orElse(null));
    }
}
