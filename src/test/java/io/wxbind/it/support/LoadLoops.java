package io.wxbind.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A few threads that each repeat one user action (a login, a bind, an API call) until closed,
 * recording when every try started and ended and what it got, so that a test can ask what
 * happened while something else (a database restart) went on.
 */
public final class LoadLoops implements AutoCloseable {

    /** What one try got: the HTTP status (-1 = no answer), whether it did what the user wanted, and the answer. */
    public record Outcome(int status, boolean ok, WeChatBrowser.Page answer, String detail) {

        public static Outcome ok(WeChatBrowser.Page answer) {
            return new Outcome(answer.status(), true, answer, null);
        }

        public static Outcome failed(WeChatBrowser.Page answer) {
            return new Outcome(answer.status(), false, answer, null);
        }
    }

    /** One try of loop {@code loop}, with {@link System#nanoTime()} stamps. */
    public record Sample(String loop, long startNanos, long endNanos, Outcome outcome) {

        public boolean startedIn(long fromNanos, long toNanos) {
            return startNanos >= fromNanos && startNanos < toNanos;
        }
    }

    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    /** Starts a thread repeating {@code action}; an exception is recorded as "no answer" and the loop goes on. */
    public LoadLoops start(String name, Supplier<Outcome> action) {
        Thread t = new Thread(() -> {
            while (running.get()) {
                long start = System.nanoTime();
                Outcome outcome;
                try {
                    outcome = action.get();
                } catch (RuntimeException e) {
                    outcome = new Outcome(-1, false, null, e.toString());
                }
                samples.add(new Sample(name, start, System.nanoTime(), outcome));
            }
        }, "load-" + name);
        t.setDaemon(true);
        threads.add(t);
        names.add(name);
        t.start();
        return this;
    }

    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    /**
     * Waits until every loop has a sample that started at or after {@code sinceNanos} and is ok;
     * returns when the last of them ended, or -1 after {@code timeoutSeconds}.
     */
    public long awaitEveryLoopOk(long sinceNanos, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            long last = 0;
            boolean all = true;
            for (String name : names) {
                Predicate<Sample> fresh = s -> s.loop().equals(name) && s.startNanos() >= sinceNanos && s.outcome().ok();
                long end = samples.stream().filter(fresh).mapToLong(Sample::endNanos).min().orElse(-1);
                all &= end >= 0;
                last = Math.max(last, end);
            }
            if (all) {
                return last;
            }
            Thread.sleep(100);
        }
        return -1;
    }

    /** Stops the loops and waits for the tries in flight (at most the clients' 30 s time-out). */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(40));
        }
    }
}
