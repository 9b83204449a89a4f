package io.wxbind.simulator.miniprogram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wxbind.simulator.SimClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginLimitsTest {

    private static final String MINI = "wx7e6d5c4b3a291807";
    private final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC));
    private final LoginLimits limits = new LoginLimits(clock);

    @Test
    void checkWhenMoreThanHundredInAMinuteThen45011UntilTheNextMinute() {
        for (int i = 0; i < LoginLimits.DEFAULT_PER_MINUTE; i++) {
            assertEquals(0, limits.check(MINI, "zhang-wei"), "call " + (i + 1));
        }
        assertEquals(45011, limits.check(MINI, "zhang-wei"));
        assertEquals(0, limits.check(MINI, "li-na"), "the limit is per user");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, limits.check(MINI, "zhang-wei"));
    }

    @Test
    void checkWhenPersonBlockedThen40226OnlyForThatPerson() {
        limits.put(new LoginLimits.Rule(null, "zhang-wei", true, null));
        assertEquals(40226, limits.check(MINI, "zhang-wei"));
        assertEquals(0, limits.check(MINI, "li-na"));
    }

    @Test
    void checkWhenAppLimitZeroThen45011ForEveryoneOfThatApp() {
        limits.put(new LoginLimits.Rule(MINI, null, false, 0));
        assertEquals(45011, limits.check(MINI, "zhang-wei"));
        assertEquals(45011, limits.check(MINI, "li-na"));
        assertEquals(0, limits.check("wx0000000000000000", "li-na"));
    }

    @Test
    void putWhenSamePairThenReplacesAndResetClearsRules() {
        limits.put(new LoginLimits.Rule(MINI, "zhang-wei", true, null));
        limits.put(new LoginLimits.Rule(MINI, "zhang-wei", false, 2));
        assertEquals(1, limits.rules().size());
        assertEquals(0, limits.check(MINI, "zhang-wei"));
        assertEquals(0, limits.check(MINI, "zhang-wei"));
        assertEquals(45011, limits.check(MINI, "zhang-wei"));
        limits.reset();
        assertEquals(0, limits.rules().size());
        assertEquals(0, limits.check(MINI, "zhang-wei"));
    }
}
