package io.wxbind.simulator.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An installed fault: its spec, how many uses are left, and what ends a hang. Hanging calls wait
 * either on a callback ({@link #whenReleased}, no thread held) or, as a fallback, blocking.
 */
public final class FaultRule {

    private final String id;
    private final FaultSpec spec;
    private int remaining;
    private final CountDownLatch release = new CountDownLatch(1);
    private final Set<Runnable> onRelease = new LinkedHashSet<>();
    private boolean released;

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

    /**
     * Runs {@code action} once the fault is cleared (at once if it already was); the returned
     * handle forgets the action again, for calls that ended another way.
     */
    public Runnable whenReleased(Runnable action) {
        synchronized (this) {
            if (!released) {
                onRelease.add(action);
                return () -> forget(action);
            }
        }
        action.run();
        return () -> { };
    }

    /** Calls parked on this rule right now, waiting for it to be cleared. */
    public synchronized int waiting() {
        return onRelease.size();
    }

    void release() {
        List<Runnable> actions;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            actions = new ArrayList<>(onRelease);
            onRelease.clear();
        }
        release.countDown();
        actions.forEach(Runnable::run);
    }

    private synchronized void forget(Runnable action) {
        onRelease.remove(action);
    }
}
