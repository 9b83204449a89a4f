package io.wxbind.audit;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many entries that name no account (a forged callback, a stale link) one node writes per
 * minute. Anyone can cause those, so without a cap each anonymous request would cost a lasting
 * row; past the cap they are only counted, and {@link AuditPurger} reports the count in the server log.
 */
final class AnonymousBudget {

    private final int perMinute;
    /** (minute since the epoch) << 32 | entries taken in that minute. */
    private final AtomicLong window = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    AnonymousBudget(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Takes one entry of the current minute's budget, if any is left. */
    boolean take(Instant now) {
        long minute = now.getEpochSecond() / 60;
        while (true) {
            long current = window.get();
            long used = current >>> 32 == minute ? current & 0xFFFF_FFFFL : 0;
            if (used >= perMinute) {
                dropped.incrementAndGet();
                return false;
            }
            if (window.compareAndSet(current, minute << 32 | (used + 1))) {
                return true;
            }
        }
    }

    /** Entries refused since the last call, and resets the count. */
    long drainDropped() {
        return dropped.getAndSet(0);
    }
}
