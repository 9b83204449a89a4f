package io.wxbind.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Many attempts at one single-use step, released at the same instant behind a start gate, the
 * way a script (or a crowd of tabs) hits it: what each attempt got back, and the one-line figure
 * the README's reliability section shows. Prepare everything an attempt needs (tickets, forms,
 * forked browsers) before the race, so that the attempts only send their request.
 */
public final class Race {

    private static final long TIMEOUT_SECONDS = 240;
    /** The machine has two cores: more set-up threads would only queue in the server. */
    private static final int PREPARE_THREADS = 6;

    private Race() {
    }

    /** Runs {@code attempt.apply(i)} for i in 0..n-1 on n threads at once; results in index order. */
    public static <T> List<T> run(int n, IntFunction<T> attempt) {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        return onThreads(n, n, i -> {
            ready.countDown();
            await(go);
            return attempt.apply(i);
        }, () -> {
            await(ready);
            go.countDown();
        }, "the race");
    }

    /** Builds {@code n} things an attempt needs (tickets, forms, browsers) on a few threads: the set-up, no gate. */
    public static <T> List<T> prepare(int n, IntFunction<T> step) {
        return onThreads(PREPARE_THREADS, n, step, () -> { }, "preparing the race");
    }

    private static <T> List<T> onThreads(int threads, int n, IntFunction<T> task, Runnable whenSubmitted, String what) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            whenSubmitted.run();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AssertionError a ? a
                    : new AssertionError(what + ": a request failed without an HTTP answer: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError(what + " took over " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the racers did not get ready");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Prints and returns {@code race NAME: N tries, A accepted, R refused 409} (one "refused"
     * part per other status, e.g. {@code , 1 refused 500} would show a bug).
     */
    public static String figure(String name, List<WeChatBrowser.Page> answers, Predicate<WeChatBrowser.Page> accepted) {
        long ok = answers.stream().filter(accepted).count();
        Map<Integer, Long> others = answers.stream().filter(accepted.negate())
                .collect(Collectors.groupingBy(WeChatBrowser.Page::status, TreeMap::new, Collectors.counting()));
        String refused = others.entrySet().stream().map(e -> e.getValue() + " refused " + e.getKey()).collect(Collectors.joining(", "));
        String line = "race " + name + ": " + answers.size() + " tries, " + ok + " accepted" + (refused.isEmpty() ? "" : ", " + refused);
        System.out.println(line);
        return line;
    }
}
