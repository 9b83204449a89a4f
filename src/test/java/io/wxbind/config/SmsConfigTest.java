package io.wxbind.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmsConfigTest {

    private static SmsConfig read(Map<String, String> values, String appSecret) {
        return SmsConfig.read(k -> Optional.ofNullable(values.get(k)), appSecret);
    }

    @Test
    void readWhenNothingSetThenRequiredDefaults() {
        SmsConfig c = read(Map.of(), "app-secret-1");
        assertEquals(Duration.ofMinutes(5), c.codeTtl());
        assertEquals(5, c.maxAttempts());
        assertEquals(Duration.ofSeconds(60), c.resendInterval());
        assertEquals(5, c.phonePerHour());
        assertEquals(10, c.ipPerHour());
        assertEquals(32, c.pepper().length);
    }

    @Test
    void readWhenValuesSetThenUsed() {
        SmsConfig c = read(Map.of("wxbind.sms.code-ttl-seconds", "120", "wxbind.sms.max-attempts", "3",
                "wxbind.sms.resend-interval-seconds", " 30 ", "wxbind.sms.phone-max-per-hour", "2", "wxbind.sms.ip-max-per-hour", "50"),
                "s");
        assertEquals(Duration.ofSeconds(120), c.codeTtl());
        assertEquals(3, c.maxAttempts());
        assertEquals(Duration.ofSeconds(30), c.resendInterval());
        assertEquals(2, c.phonePerHour());
        assertEquals(50, c.ipPerHour());
    }

    @Test
    void readWhenSeveralBadThenAllReportedAtOnce() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(Map.of(
                "wxbind.sms.code-ttl-seconds", "5", "wxbind.sms.max-attempts", "many", "wxbind.sms.ip-max-per-hour", "0",
                "wxbind.sms.pepper", "short"), "s"));
        for (String key : new String[] {"code-ttl-seconds", "max-attempts", "ip-max-per-hour", "pepper"}) {
            assertTrue(e.getMessage().contains("wxbind.sms." + key), e.getMessage());
        }
        assertFalse(e.getMessage().contains("short"), "the pepper value is a secret");
    }

    @Test
    void pepperWhenDerivedThenStablePerSecretAndOverridable() {
        assertArrayEquals(read(Map.of(), "a").pepper(), read(Map.of(), "a").pepper(), "every node derives the same key");
        assertFalse(Arrays.equals(read(Map.of(), "a").pepper(), read(Map.of(), "b").pepper()));
        byte[] own = read(Map.of("wxbind.sms.pepper", "0123456789abcdef-own"), "a").pepper();
        assertFalse(Arrays.equals(read(Map.of(), "a").pepper(), own));
        assertThrows(IllegalStateException.class, () -> read(Map.of(), null), "no secret to derive from");
    }

    @Test
    void toStringWhenLoggedThenNoPepper() {
        SmsConfig c = read(Map.of("wxbind.sms.pepper", "0123456789abcdef-own"), "a");
        assertTrue(c.toString().contains("pepper=***"), c.toString());
        assertFalse(c.toString().contains("own"));
    }
}
