package io.wxbind.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: a fixed pool of users (one thread each), each repeating its
 * {@link Scenario.Action} with an optional think time, for a warm-up and then a measured window.
 * Only operations that start and end inside the window count, so the warm-up and the ramp-down
 * never dilute the figure. Setup failures abort the run: a benchmark of users who could not log
 * in would measure nothing.
 */
public final class LoadDriver {

    /** At most this many distinct error messages are kept (with counts); the rest only counted. */
    private static final int MAX_ERROR_MESSAGES = 20;

    private final int users;
    private final Duration warmUp;
    private final Duration window;
    private final Duration thinkTime;

    public LoadDriver(int users, Duration warmUp, Duration window, Duration thinkTime) {
        this.users = users;
        this.warmUp = warmUp;
        this.window = window;
        this.thinkTime = thinkTime;
    }

    public LoadResult run(String name, Scenario scenario) {
        List<Scenario.Action> actions = setUp(scenario);
        long start = System.nanoTime() + warmUp.toNanos();
        long end = start + window.toNanos();
        AtomicLong errors = new AtomicLong();
        Map<String, Long> messages = new ConcurrentHashMap<>();
        long[][] latencies = new long[users][];
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int user = u;
            Thread t = new Thread(() -> latencies[user] = loop(actions.get(user), start, end, errors, messages), "bench-user-" + u);
            t.start();
            threads.add(t);
        }
        joinAll(threads);
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new LoadResult(name, users, window.toNanos() / 1e9, all.length, errors.get(), Map.copyOf(messages), all);
    }

    private long[] loop(Scenario.Action action, long start, long end, AtomicLong errors, Map<String, Long> messages) {
        long[] mine = new long[1024];
        int n = 0;
        long t0;
        while ((t0 = System.nanoTime()) < end) {
            boolean ok;
            String failure = null;
            try {
                action.run();
                ok = true;
            } catch (RuntimeException e) {
                ok = false;
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            long t1 = System.nanoTime();
            if (t0 >= start && t1 <= end) {
                if (ok) {
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = t1 - t0;
                } else {
                    errors.incrementAndGet();
                    if (messages.size() < MAX_ERROR_MESSAGES || messages.containsKey(failure)) {
                        messages.merge(failure, 1L, Long::sum);
                    }
                }
            }
            think();
        }
        return Arrays.copyOf(mine, n);
    }

    /** Uniform in [0.5, 1.5] × think time, so users do not march in step. */
    private void think() {
        if (thinkTime.isZero()) {
            return;
        }
        long nanos = (long) (thinkTime.toNanos() * (0.5 + ThreadLocalRandom.current().nextDouble()));
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every user's setup, in parallel (16 at a time), before any clock starts. */
    private List<Scenario.Action> setUp(Scenario scenario) {
        Scenario.Action[] actions = new Scenario.Action[users];
        RuntimeException[] failure = new RuntimeException[1];
        CountDownLatch done = new CountDownLatch(users);
        java.util.concurrent.Semaphore parallel = new java.util.concurrent.Semaphore(16);
        for (int u = 0; u < users; u++) {
            int user = u;
            new Thread(() -> {
                parallel.acquireUninterruptibly();
                try {
                    actions[user] = scenario.forUser(user);
                } catch (RuntimeException e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                } finally {
                    parallel.release();
                    done.countDown();
                }
            }, "bench-setup-" + u).start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during setup", e);
        }
        if (failure[0] != null) {
            throw new IllegalStateException("user setup failed: " + failure[0].getMessage(), failure[0]);
        }
        return List.of(actions);
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
