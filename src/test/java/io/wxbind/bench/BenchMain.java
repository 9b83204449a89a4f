package io.wxbind.bench;

import io.wxbind.bench.push.PushBench;
import io.wxbind.bench.startup.StartupBench;
import io.wxbind.bench.web.WebBench;
import io.wxbind.launch.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code mvn -Pbench package -DskipTests}: every figure of BENCHMARKS.md in one run, printed as
 * one table and written to {@code target/bench/benchmarks.md}. Order: the in-JVM push benchmark
 * first (no servers yet to disturb it), then server start-up times, then the web figures on one
 * node, then the token cluster. {@code -Dbench.only=P2,P3} runs a subset. A section that fails is
 * reported in the table and makes the command fail; a missed target does not.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> only = Set.of(System.getProperty("bench.only", "P1,P2,P3,P4,P5,P6,P7").split(","));
        Instant started = Instant.now();
        String loadBefore = Machine.loadAverage();
        List<Figure> figures = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        if (only.contains("P4")) {
            section("P4", PushBench::measure, figures, failures);
        }
        if (only.contains("P7")) {
            section("P7", () -> {
                try (Database db = Database.start(Database.TEST_URL_ENV)) {
                    return StartupBench.measure(db);
                }
            }, figures, failures);
        }
        if (only.contains("P1") || only.contains("P2") || only.contains("P3") || only.contains("P5")) {
            section("P1/P2/P3/P5", () -> WebBench.measure(only), figures, failures);
        }
        if (only.contains("P6")) {
            section("P6", () -> TokenBench.figures(Integer.getInteger("bench.tokens.seconds", 60)), figures, failures);
        }
        figures.sort(Comparator.comparing(Figure::id));
        String report = report(figures, failures, started, loadBefore);
        System.out.println();
        System.out.println(report);
        Path out = Path.of(System.getProperty("wxbind.build.dir", "target"), "bench", "benchmarks.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("written to " + out);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("benchmark sections failed: " + failures);
        }
    }

    private static void section(String name, Callable<List<Figure>> bench, List<Figure> figures, List<String> failures) {
        long t0 = System.nanoTime();
        try {
            figures.addAll(bench.call());
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            failures.add(name + ": " + e);
        }
        System.out.printf(Locale.ROOT, "%s took %.0f s%n", name, (System.nanoTime() - t0) / 1e9);
    }

    static String report(List<Figure> figures, List<String> failures, Instant started, String loadBefore) {
        StringBuilder b = new StringBuilder();
        b.append("Run ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(", ")
                .append(Math.round((Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0)).append(" s; machine: ")
                .append(Machine.describe()).append("; load average ").append(loadBefore).append(" before, ")
                .append(Machine.loadAverage()).append(" after.\n\n");
        b.append("| id | measure | figure | baseline (same run) | ratio | spread | target | verdict |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", f.id(), cell(f.measure()), cell(f.figure()),
                    cell(f.baseline()), cell(f.ratio()), cell(f.spread()), cell(f.target()), f.verdict()));
        }
        for (String failure : failures) {
            b.append("\nFAILED ").append(failure).append('\n');
        }
        return b.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
