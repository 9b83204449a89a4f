package io.wxbind.bench;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decides when warm-up is over: the JIT, pools and caches of a freshly started server take
 * several rounds to settle (seen: the first measured round at 40 % of the third), so warm-up
 * rounds repeat until every load's figure moved less than {@code tolerance} from its previous
 * warm-up round, at least {@code minRounds} and at most {@code maxRounds} times.
 */
public final class WarmUp {

    private final int minRounds;
    private final int maxRounds;
    private final double tolerance;
    private final Map<String, Double> previous = new HashMap<>();
    private final Map<String, Double> change = new HashMap<>();
    private int rounds;

    public WarmUp(int minRounds, int maxRounds, double tolerance) {
        this.minRounds = minRounds;
        this.maxRounds = maxRounds;
        this.tolerance = tolerance;
    }

    /** From {@code bench.warmup.min-rounds} (2), {@code bench.warmup.max-rounds} (6), {@code bench.warmup.tolerance} (0.10). */
    public static WarmUp fromProperties() {
        return fromProperties(Double.parseDouble(System.getProperty("bench.warmup.tolerance", "0.10")));
    }

    /** The rounds from the properties, with a tolerance of the caller's own. */
    public static WarmUp fromProperties(double tolerance) {
        return new WarmUp(Integer.getInteger("bench.warmup.min-rounds", 2), Integer.getInteger("bench.warmup.max-rounds", 6),
                tolerance);
    }

    /** Records one load's figure of the current warm-up round. */
    public void record(String load, double value) {
        Double before = previous.put(load, value);
        change.put(load, before == null || before == 0 ? Double.POSITIVE_INFINITY : Math.abs(value - before) / before);
    }

    /** Ends a warm-up round; true while another one is needed. */
    public boolean another() {
        rounds++;
        if (rounds >= maxRounds) {
            return false;
        }
        return rounds < minRounds || change.values().stream().anyMatch(c -> c > tolerance);
    }

    public int rounds() {
        return rounds;
    }

    /** One line for the log: settled or not, and the last change of each load. */
    public String summary() {
        boolean settled = change.values().stream().allMatch(c -> c <= tolerance);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "warm-up %s after %d rounds (last change:",
                settled ? "settled" : "NOT settled (measuring anyway; see the spread)", rounds));
        change.forEach((load, c) -> line.append(String.format(Locale.ROOT, " %s %.0f %%", load, c * 100)));
        return line.append(')').toString();
    }
}
