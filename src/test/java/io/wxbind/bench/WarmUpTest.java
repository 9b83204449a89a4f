package io.wxbind.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void anotherWhenEveryLoadSettledAfterMinimumRoundsThenStops() {
        WarmUp warmUp = new WarmUp(2, 6, 0.10);

        warmUp.record("ping", 1000);
        warmUp.record("login", 100);
        assertTrue(warmUp.another(), "one round is below the minimum");
        warmUp.record("ping", 1050);
        warmUp.record("login", 95);

        assertFalse(warmUp.another());
        assertEquals(2, warmUp.rounds());
        assertTrue(warmUp.summary().startsWith("warm-up settled after 2 rounds"), warmUp.summary());
    }

    @Test
    void anotherWhenOneLoadStillMovesThenRepeats() {
        WarmUp warmUp = new WarmUp(2, 6, 0.10);
        warmUp.record("ping", 1000);
        warmUp.record("login", 100);
        warmUp.another();

        warmUp.record("ping", 1020);
        warmUp.record("login", 150);

        assertTrue(warmUp.another(), "login moved 50 %");
        warmUp.record("ping", 1010);
        warmUp.record("login", 160);
        assertFalse(warmUp.another(), "login moved under 7 %");
        assertEquals(3, warmUp.rounds());
    }

    @Test
    void anotherWhenNeverSettlesThenStopsAtMaximumAndSaysSo() {
        WarmUp warmUp = new WarmUp(1, 3, 0.10);
        double value = 100;
        int rounds = 0;
        do {
            warmUp.record("ping", value);
            value *= 2;
            rounds++;
        } while (warmUp.another());

        assertEquals(3, rounds);
        assertTrue(warmUp.summary().contains("NOT settled"), warmUp.summary());
        assertTrue(warmUp.summary().contains("ping 100 %"), warmUp.summary());
    }
}
