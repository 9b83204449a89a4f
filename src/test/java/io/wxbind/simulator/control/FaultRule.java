package io.wxbind.simulator.control;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** An installed fault: its spec, how many uses are left, and the latch that ends a hang. */
public final class FaultRule {

    private final String id;
    private final FaultSpec spec;
    private int remaining;
    private final CountDownLatch release = new CountDownLatch(1);

    FaultRule(String id, FaultSpec spec) {
        this.id = id;
        this.spec = spec;
        this.remaining = spec.count() == null ? -1 : spec.count();
    }

    public String id() {
        return id;
    }

    public FaultSpec spec() {
        return spec;
    }

    /** Uses left, or null when unlimited. Guarded by {@link Faults}. */
    Integer remaining() {
        return remaining < 0 ? null : remaining;
    }

    /** Consumes one use; true when that was the last. Guarded by {@link Faults}. */
    boolean consume() {
        if (remaining < 0) {
            return false;
        }
        remaining--;
        return remaining == 0;
    }

    /** Blocks until the fault is cleared or {@code max} passes. */
    public void awaitRelease(Duration max) throws InterruptedException {
        release.await(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    void release() {
        release.countDown();
    }
}
