package io.wxbind.bench;

/**
 * One line of the benchmark table: what was measured, the figure, the baseline measured in the
 * same run, their ratio (or an exact count), the spread over the rounds, the target and whether it
 * was met. A missed target is a finding to note, never a failure of the run.
 *
 * @param met {@code null} when the line has no target of its own (a baseline-only line)
 */
public record Figure(String id, String measure, String figure, String baseline, String ratio, String spread,
        String target, Boolean met) {

    public String verdict() {
        return met == null ? "" : met ? "met" : "MISSED";
    }
}
