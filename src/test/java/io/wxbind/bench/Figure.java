package io.wxbind.bench;

import java.util.stream.Stream;

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

    /** One tab-separated line (tabs and line breaks in the texts become spaces), for {@link #fromLine}. */
    public String toLine() {
        return String.join("\t", Stream.of(id, measure, figure, baseline, ratio, spread, target, String.valueOf(met))
                .map(t -> t == null ? "" : t.replaceAll("[\t\r\n]", " ")).toList());
    }

    /** The figure written by {@link #toLine}: how the benchmarks' own JVM hands its figures back. */
    public static Figure fromLine(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 8) {
            throw new IllegalArgumentException("not a figure line: " + line);
        }
        return new Figure(f[0], f[1], f[2], f[3], f[4], f[5], f[6], "null".equals(f[7]) ? null : Boolean.valueOf(f[7]));
    }
}
