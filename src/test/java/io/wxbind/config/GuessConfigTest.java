package io.wxbind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuessConfigTest {

    private static GuessConfig read(Map<String, String> v) {
        return GuessConfig.read(k -> Optional.ofNullable(v.get(k)));
    }

    @Test
    void readWhenNothingSetThenFivePerAccountTwentyPerAddressMinuteDoublingToAnHour() {
        GuessConfig c = read(Map.of());
        assertEquals(5, c.accountMaxFailures());
        assertEquals(20, c.addressMaxFailures());
        assertEquals(Duration.ofMinutes(15), c.window());
        assertEquals(Duration.ofMinutes(1), c.backoff(0));
        assertEquals(Duration.ofMinutes(2), c.backoff(1));
        assertEquals(Duration.ofMinutes(32), c.backoff(5));
        assertEquals(Duration.ofHours(1), c.backoff(6), "capped");
        assertEquals(Duration.ofHours(1), c.backoff(1000), "no overflow");
    }

    @Test
    void readWhenSetThenUsed() {
        GuessConfig c = read(Map.of("wxbind.guess.account-max-failures", "3", "wxbind.guess.address-max-failures", " 8 ",
                "wxbind.guess.window-seconds", "60", "wxbind.guess.backoff-seconds", "5", "wxbind.guess.max-backoff-seconds", "12"));
        assertEquals(3, c.accountMaxFailures());
        assertEquals(8, c.addressMaxFailures());
        assertEquals(Duration.ofSeconds(60), c.window());
        assertEquals(Duration.ofSeconds(10), c.backoff(1));
        assertEquals(Duration.ofSeconds(12), c.backoff(2));
    }

    @Test
    void readWhenOutOfRangeOrGarbageThenEveryProblemNamedInOneFailure() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read(Map.of(
                "wxbind.guess.account-max-failures", "0", "wxbind.guess.address-max-failures", "many",
                "wxbind.guess.backoff-seconds", "600", "wxbind.guess.max-backoff-seconds", "60")));
        String m = e.getMessage();
        assertTrue(m.contains("wxbind.guess.account-max-failures: must be between 1 and 1000"), m);
        assertTrue(m.contains("wxbind.guess.address-max-failures: not a whole number"), m);
        assertTrue(m.contains("wxbind.guess.max-backoff-seconds: must not be less than"), m);
    }
}
