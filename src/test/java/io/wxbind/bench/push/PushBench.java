package io.wxbind.bench.push;

import io.wxbind.bench.Figure;
import io.wxbind.bench.Rounds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * P4, push handling throughput against WxJava ({@link PushHandlingBenchmark}), run by JMH in this
 * JVM ({@code forks(0)}: {@code exec:java} leaves no class path a forked JVM could use).
 *
 * <p>The two sides are measured <em>alternately</em>, one JMH run per round, each run measuring
 * ours and then WxJava for one iteration: background load on a shared 2-core machine then hits
 * both sides of a round alike, and each round yields a ratio of its own. The first round warms
 * both up fully; later rounds re-warm briefly (the code is already compiled). Shorten it all with
 * {@code -Dbench.push.warmups=1 -Dbench.push.warmup-seconds=1 -Dbench.push.rounds=3 -Dbench.push.seconds=1};
 * {@code -Dbench.push.verbose=true} shows JMH's own output.
 */
public final class PushBench {

    static final String MEASURE = "push handling (signature + AES decrypt + parse), ops/s, JMH, same JVM";
    static final double TARGET = 5.0;

    private PushBench() {
    }

    public static void main(String[] args) throws RunnerException {
        for (Figure f : measure()) {
            System.out.println("| " + String.join(" | ", f.id(), f.measure(), f.figure(), f.baseline(), f.ratio(), f.spread(), f.target(),
                    f.verdict()) + " |");
        }
    }

    /**
     * Runs P4 (about 50 s with the defaults: warm-up 5 × 2 s, then 5 rounds of 2 s per side) and
     * returns its line, plus the CPU-time line that tells load from code. The ratio is the median
     * of the per-round ratios, so it need not equal the quotient of the two medians.
     */
    public static List<Figure> measure() throws RunnerException {
        int warmups = Integer.getInteger("bench.push.warmups", 5);
        int warmupSeconds = Integer.getInteger("bench.push.warmup-seconds", 2);
        int rounds = Math.max(3, Integer.getInteger("bench.push.rounds", 5));
        int seconds = Integer.getInteger("bench.push.seconds", 2);
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        List<Double> oursCpu = new ArrayList<>();
        List<Double> theirsCpu = new ArrayList<>();
        PushHandlingBenchmark.CPU.clear();
        for (int round = 0; round < rounds; round++) {
            Collection<RunResult> results = new Runner(options(round == 0 ? warmups : 1, round == 0 ? warmupSeconds : 1, seconds)).run();
            ours.addAll(scores(results, "wxbind"));
            theirs.addAll(scores(results, "wxjava"));
            for (PushHandlingBenchmark.CpuSample c; (c = PushHandlingBenchmark.CPU.poll()) != null;) {
                (c.method().equals("wxbind") ? oursCpu : theirsCpu).add(c.opsPerCpuSecond());
            }
            System.out.printf(Locale.ROOT, "P4 round %d/%d: wxbind %,.0f ops/s (%,.0f per CPU-s), WxJava %,.0f ops/s (%,.0f per CPU-s)%n",
                    round + 1, rounds, last(ours), last(oursCpu), last(theirs), last(theirsCpu));
        }
        return List.of(figure(new Rounds(ours), new Rounds(theirs)), cpuFigure(new Rounds(oursCpu), new Rounds(theirsCpu)));
    }

    private static double last(List<Double> values) {
        return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
    }

    static Figure figure(Rounds ours, Rounds theirs) {
        Rounds ratio = ours.ratioTo(theirs);
        return new Figure("P4", MEASURE, String.format(Locale.ROOT, "%,.0f ops/s", ours.median()),
                String.format(Locale.ROOT, "WxJava %s fromEncryptedXml: %,.0f ops/s", wxJavaVersion(), theirs.median()),
                String.format(Locale.ROOT, "%.1f×", ratio.median()),
                "ours " + ours.spread("%,.0f") + "; WxJava " + theirs.spread("%,.0f") + "; per-round ratio " + ratio.spread("%.1f"),
                "≥ 5×", ratio.median() >= TARGET);
    }

    /**
     * The same rounds per CPU-second of the benchmark thread: no target of its own, it shows
     * whether the ops/s ratio was the code's or the machine's load.
     */
    static Figure cpuFigure(Rounds ours, Rounds theirs) {
        Rounds ratio = ours.ratioTo(theirs);
        return new Figure("P4", "push handling per CPU-second of the benchmark thread (load check; GC and JIT threads not counted)",
                String.format(Locale.ROOT, "%,.0f ops/CPU-s", ours.median()),
                String.format(Locale.ROOT, "WxJava: %,.0f ops/CPU-s", theirs.median()), String.format(Locale.ROOT, "%.1f×", ratio.median()),
                "ours " + ours.spread("%,.0f") + "; WxJava " + theirs.spread("%,.0f") + "; per-round ratio " + ratio.spread("%.1f"), "",
                null);
    }

    private static Options options(int warmups, int warmupSeconds, int seconds) {
        boolean verbose = Boolean.getBoolean("bench.push.verbose");
        return new OptionsBuilder()
                .include(Pattern.quote(PushHandlingBenchmark.class.getName()) + "\\.(wxbind|wxjava)$")
                .forks(0)
                .threads(1)
                .mode(Mode.Throughput)
                .timeUnit(TimeUnit.SECONDS)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(warmupSeconds))
                .measurementIterations(1)
                .measurementTime(TimeValue.seconds(seconds))
                .shouldFailOnError(true)
                .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT)
                .build();
    }

    /** Each measured iteration's ops/s of one benchmark method. */
    private static List<Double> scores(Collection<RunResult> results, String method) {
        List<Double> scores = new ArrayList<>();
        for (RunResult run : results) {
            if (run.getParams().getBenchmark().endsWith("." + method)) {
                for (BenchmarkResult b : run.getBenchmarkResults()) {
                    for (IterationResult i : b.getIterationResults()) {
                        scores.add(i.getPrimaryResult().getScore());
                    }
                }
            }
        }
        if (scores.isEmpty()) {
            throw new IllegalStateException("JMH returned no result for " + method + " (is META-INF/BenchmarkList generated?)");
        }
        return scores;
    }

    /** From the jar's name, e.g. {@code 4.8.2-20260411.214736}; the manifest carries no version. */
    static String wxJavaVersion() {
        try {
            String jar = WxMpXmlMessage.class.getProtectionDomain().getCodeSource().getLocation().getPath();
            var m = Pattern.compile("weixin-java-mp-([^/]+)\\.jar$").matcher(jar);
            return m.find() ? m.group(1) : "?";
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
