package io.wxbind.simulator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PushSettingsConfigTest {

    private static SimConfig parse(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return SimConfigParser.parse(properties, "test");
    }

    @Test
    void parseWhenPushKeysThenModeUrlAndOriginalId() throws IOException {
        SimApp app = parse("""
                app.wxpush.secret=s
                app.wxpush.token=tok123
                app.wxpush.aes-key=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG
                app.wxpush.push-mode=aes
                app.wxpush.push-url=http://node-b:8080/wxbind/wechat/push/wxpush
                app.wxpush.original-id=gh_0123456789ab
                """).app("wxpush").orElseThrow();
        assertEquals(PushMode.AES, app.effectivePushMode());
        assertEquals("gh_0123456789ab", app.effectiveOriginalId());
        assertEquals("http://node-b:8080/wxbind/wechat/push/wxpush", app.pushUrl());
    }

    @Test
    void effectivePushModeWhenUnsetThenCompatibleWithKeyElsePlain() throws IOException {
        SimConfig config = parse("""
                app.wxa.secret=s
                app.wxa.aes-key=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG
                app.wxb.secret=s
                app.wxb.token=tok123
                """);
        assertEquals(PushMode.COMPATIBLE, config.app("wxa").orElseThrow().effectivePushMode());
        assertEquals(PushMode.PLAIN, config.app("wxb").orElseThrow().effectivePushMode());
        assertEquals(PushMode.COMPATIBLE, SimConfig.defaults().app(SimDefaults.OFFICIAL_APP_ID).orElseThrow()
                .effectivePushMode());
    }

    @Test
    void effectiveOriginalIdWhenUnsetThenStableGhIdPerApp() {
        SimApp a = SimApp.of("wxa", "s", AppType.OFFICIAL, "A", null);
        assertTrue(a.effectiveOriginalId().matches("gh_[0-9a-f]{12}"), a.effectiveOriginalId());
        assertEquals(a.effectiveOriginalId(), SimApp.of("wxa", "t", AppType.OFFICIAL, "A2", null).effectiveOriginalId());
        assertNotEquals(a.effectiveOriginalId(), SimApp.of("wxb", "s", AppType.OFFICIAL, "B", null).effectiveOriginalId());
        assertEquals(a.effectiveOriginalId(), a.withPush("tok", null).withTokenSettings(TokenSettings.of(a))
                .effectiveOriginalId());
    }

    @Test
    void parseWhenBadPushModeOrEncryptedWithoutKeyOrBadOriginalIdThenListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("""
                app.wxx.secret=s
                app.wxx.push-mode=secret
                app.wxy.secret=s
                app.wxy.push-mode=compatible
                app.wxy.original-id=gh_XYZ
                """));
        assertTrue(e.getMessage().contains("app.wxx.push-mode must be plain, compatible or aes"), e.getMessage());
        assertTrue(e.getMessage().contains("app.wxy.push-mode compatible needs app.wxy.aes-key"), e.getMessage());
        assertTrue(e.getMessage().contains("app.wxy.original-id"), e.getMessage());
    }
}
