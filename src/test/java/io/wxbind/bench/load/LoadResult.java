package io.wxbind.bench.load;

import java.util.Locale;
import java.util.Map;

/**
 * One measured run: completed operations per second, their latencies and the errors (each
 * distinct message with its count). Latencies are sorted nanoseconds of the operations that
 * completed inside the measuring window.
 */
public record LoadResult(String name, int users, double seconds, long ok, long errors, Map<String, Long> errorMessages,
        long[] latenciesNanos) {

    public double perSecond() {
        return ok / seconds;
    }

    /** The {@code q}-quantile latency (0 < q ≤ 1) in milliseconds, nearest rank. */
    public double percentileMillis(double q) {
        if (latenciesNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * latenciesNanos.length);
        return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, rank - 1))] / 1e6;
    }

    public String summary() {
        return String.format(Locale.ROOT, "%s: %d users, %.1f s, %d ok (%.1f/s), p50 %.1f ms, p99 %.1f ms, %d errors%s", name, users,
                seconds, ok, perSecond(), percentileMillis(0.5), percentileMillis(0.99), errors,
                errors == 0 ? "" : " " + errorMessages);
    }
}
