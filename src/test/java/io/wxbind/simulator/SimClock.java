package io.wxbind.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's only notion of "now". Tests and the control API move it forward so that expiry
 * (5-minute codes, 7200 s tokens, daily quotas) can be exercised without waiting.
 */
public final class SimClock extends Clock {

    private final Clock base;
    private final AtomicLong offsetMillis = new AtomicLong();

    public SimClock(Clock base) {
        this.base = base;
    }

    public void advance(Duration amount) {
        offsetMillis.addAndGet(amount.toMillis());
    }

    /** Sets the offset outright, so a test can put the clock back where it found it. */
    public void setOffset(Duration offset) {
        offsetMillis.set(offset.toMillis());
    }

    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    public void reset() {
        offsetMillis.set(0);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    /** A fixed-offset snapshot: good enough for zone conversions, which is all callers need. */
    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base.withZone(zone), offset());
    }

    @Override
    public Instant instant() {
        return base.instant().plusMillis(offsetMillis.get());
    }

    @Override
    public long millis() {
        return base.millis() + offsetMillis.get();
    }
}
