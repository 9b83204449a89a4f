package io.wxbind.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private final Faults faults = new Faults();

    private static FaultSpec errcode(String path, Integer count) {
        return new FaultSpec(path, null, -1, null, false, count);
    }

    @Test
    void takeWhenCountedThenAppliesThatManyTimes() {
        faults.add(errcode("/api/cgi-bin/token", 2));
        assertTrue(faults.take("/api/cgi-bin/token").isPresent());
        assertTrue(faults.take("/api/cgi-bin/token").isPresent());
        assertFalse(faults.take("/api/cgi-bin/token").isPresent());
        assertTrue(faults.list().isEmpty());
    }

    @Test
    void takeWhenNoCountThenUntilCleared() {
        faults.add(errcode("/api/cgi-bin/token", null));
        for (int i = 0; i < 5; i++) {
            assertTrue(faults.take("/api/cgi-bin/token").isPresent());
        }
        assertEquals(1, faults.clear("/api/cgi-bin/token"));
        assertFalse(faults.take("/api/cgi-bin/token").isPresent());
    }

    @Test
    void takeWhenPathDiffersThenNoFaultAndPrefixMatches() {
        faults.add(errcode("/api/sns/*", null));
        assertFalse(faults.take("/api/cgi-bin/token").isPresent());
        assertTrue(faults.take("/api/sns/userinfo").isPresent());
    }

    @Test
    void takeWhenSeveralMatchThenFirstAdded() {
        FaultRule first = faults.add(errcode("/api/sns/auth", 1));
        faults.add(new FaultSpec("/api/sns/auth", 5, null, null, false, null));
        assertSame(first, faults.take("/api/sns/auth").orElseThrow());
        assertEquals(5, faults.take("/api/sns/auth").orElseThrow().spec().latencyMs());
    }

    @Test
    void clearWhenRequestHangingThenReleasedEvenAfterRuleRetired() throws Exception {
        faults.add(new FaultSpec("/api/sns/auth", null, null, null, true, 1));
        FaultRule rule = faults.take("/api/sns/auth").orElseThrow();
        CompletableFuture<Void> hanging = CompletableFuture.runAsync(() -> {
            try {
                rule.awaitRelease(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(100);
        assertFalse(hanging.isDone());
        faults.clear(null);
        hanging.get(5, TimeUnit.SECONDS);
    }

    @Test
    void clearWhenCallsParkedThenEachResumedOnceAndForgottenOnesNot() {
        FaultRule rule = faults.add(new FaultSpec("/api/cgi-bin/token", null, null, null, true, null));
        AtomicInteger resumed = new AtomicInteger();
        rule.whenReleased(resumed::incrementAndGet);
        rule.whenReleased(resumed::incrementAndGet);
        rule.whenReleased(() -> resumed.addAndGet(100)).run(); // this call ended another way
        assertEquals(0, resumed.get());
        faults.clear("/api/cgi-bin/token");
        faults.clear(null);
        assertEquals(2, resumed.get());
        rule.whenReleased(resumed::incrementAndGet);
        assertEquals(3, resumed.get(), "already cleared: runs at once");
    }

    @Test
    void problemsWhenSpecInvalidThenListed() {
        assertFalse(new FaultSpec("/control/reset", null, -1, null, false, null).problems().isEmpty());
        assertFalse(new FaultSpec("/api/x", null, null, null, false, null).problems().isEmpty());
        assertFalse(new FaultSpec("/api/x", -5, null, null, false, null).problems().isEmpty());
        assertFalse(new FaultSpec("/api/x", null, null, 99, false, null).problems().isEmpty());
        assertFalse(new FaultSpec("/api/x", null, -1, null, false, 0).problems().isEmpty());
        assertTrue(new FaultSpec("/open/connect/oauth2/authorize", null, null, 503, false, 1).problems().isEmpty());
    }
}
