package io.wxbind.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The values of one measure over several rounds (after warm-up): the median is the figure,
 * the spread (min–max, and as ± % of the median) shows how much the machine's noise moved it.
 */
public record Rounds(List<Double> values) {

    public Rounds {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no rounds");
        }
        values = List.copyOf(values);
    }

    public double median() {
        List<Double> sorted = sorted();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public double min() {
        return sorted().get(0);
    }

    public double max() {
        return sorted().get(values.size() - 1);
    }

    /** Half the min–max range as a percentage of the median. */
    public double spreadPercent() {
        double median = median();
        return median == 0 ? 0 : (max() - min()) / 2 / median * 100;
    }

    /** {@code "n=3, 812–871 (±3.6 %)"} with the given number format. */
    public String spread(String format) {
        return String.format(Locale.ROOT, "n=%d, " + format + "–" + format + " (±%.1f %%)", values.size(), min(), max(),
                spreadPercent());
    }

    /** The ratio of this measure to {@code baseline}, round by round (both measured alternately). */
    public Rounds ratioTo(Rounds baseline) {
        if (baseline.values.size() != values.size()) {
            throw new IllegalArgumentException("rounds differ: " + values.size() + " vs " + baseline.values.size());
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ratios.add(values.get(i) / baseline.values.get(i));
        }
        return new Rounds(ratios);
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }
}
