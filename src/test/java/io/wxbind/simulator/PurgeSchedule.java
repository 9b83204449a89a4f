package io.wxbind.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * When an in-memory store may sweep out its dead entries: at most once a minute. Sweeping the
 * whole map on every issue made the simulator's authorization codes alone a third of its CPU
 * under a login load (benchmark P2). Lookups check expiry themselves, so a late sweep changes
 * nothing but memory. Not thread-safe: used under the owning store's lock.
 */
public final class PurgeSchedule {

    private static final Duration EVERY = Duration.ofMinutes(1);

    private Instant next = Instant.MIN;

    /** True at most once per minute of {@code now}; the caller then sweeps. */
    public boolean due(Instant now) {
        if (now.isBefore(next)) {
            return false;
        }
        next = now.plus(EVERY);
        return true;
    }

    /** The next {@link #due} is true again (after a store reset, or a clock moved back in tests). */
    public void reset() {
        next = Instant.MIN;
    }
}
