package io.wxbind.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PurgeScheduleTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void dueWhenCalledAgainWithinAMinuteThenOnlyTheFirstSweeps() {
        PurgeSchedule purge = new PurgeSchedule();

        assertTrue(purge.due(T0));
        assertFalse(purge.due(T0.plusSeconds(1)));
        assertFalse(purge.due(T0.plusSeconds(59)));
        assertTrue(purge.due(T0.plusSeconds(60)));
        assertFalse(purge.due(T0.plusSeconds(61)));
    }

    @Test
    void dueWhenResetThenSweepsAtOnceEvenWithAnEarlierClock() {
        PurgeSchedule purge = new PurgeSchedule();
        purge.due(T0.plusSeconds(3600));

        purge.reset();

        assertTrue(purge.due(T0));
    }
}
