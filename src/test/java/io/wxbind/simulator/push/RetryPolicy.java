package io.wxbind.simulator.push;

/**
 * When WeChat sends a push again (protocol §6.3): it waits 5 s, and when the answer is missing,
 * late, not 200, or neither {@code success} nor a valid reply, it re-sends the same message, three
 * more times. "Retrying three times in total" is ambiguous in the doc; the simulator reads it as
 * one delivery plus three retries, the stricter case for the developer server's dedupe. Retries
 * go out at once: a late answer already cost the 5 s wait.
 */
public record RetryPolicy(int retries) {

    public static final RetryPolicy WECHAT = new RetryPolicy(3);

    public RetryPolicy {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0");
        }
    }

    public int maxDeliveries() {
        return 1 + retries;
    }

    /** After {@code attempt} (its number counts from 1): send again? */
    public boolean retryAfter(PushAttempt attempt) {
        return !attempt.accepted() && attempt.number() < maxDeliveries();
    }
}
