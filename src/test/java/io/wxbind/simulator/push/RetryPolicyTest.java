package io.wxbind.simulator.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.simulator.push.PushAttempt.Outcome;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static PushAttempt attempt(int number, Outcome outcome) {
        return new PushAttempt(number, outcome, outcome == Outcome.HTTP_ERROR ? 500 : 0, 1, null, null);
    }

    @Test
    void retryAfterWhenNotAcceptedThenUpToThreeRetries() {
        RetryPolicy policy = RetryPolicy.WECHAT;
        assertEquals(4, policy.maxDeliveries());
        for (Outcome failed : new Outcome[] {Outcome.TIMEOUT, Outcome.UNREACHABLE, Outcome.HTTP_ERROR, Outcome.INVALID_REPLY}) {
            assertTrue(policy.retryAfter(attempt(1, failed)), failed.name());
            assertTrue(policy.retryAfter(attempt(3, failed)), failed.name());
            assertFalse(policy.retryAfter(attempt(4, failed)), "no fifth delivery after " + failed);
        }
    }

    @Test
    void retryAfterWhenAcceptedThenStops() {
        assertFalse(RetryPolicy.WECHAT.retryAfter(attempt(1, Outcome.ACCEPTED)));
        assertFalse(RetryPolicy.WECHAT.retryAfter(attempt(2, Outcome.ACCEPTED)));
    }

    @Test
    void retryAfterWhenNoRetriesThenSingleDelivery() {
        assertFalse(new RetryPolicy(0).retryAfter(attempt(1, Outcome.TIMEOUT)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(-1));
    }
}
