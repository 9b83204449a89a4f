package io.wxbind.bench;

import io.wxbind.bench.push.PushBench;
import io.wxbind.bench.startup.StartupBench;
import io.wxbind.bench.web.WebBench;
import io.wxbind.launch.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code mvn -Pbench package -DskipTests}: every figure of BENCHMARKS.md in one run, printed as
 * one table and written to {@code target/bench/benchmarks.md}. Order: the in-JVM push benchmark
 * first (no servers yet to disturb it), then server start-up times, then the web figures on one
 * node, then the token cluster. {@code -Dbench.only=P2,P3} runs a subset. A section that fails is
 * reported in the table and makes the command fail; a missed target does not. P4 runs in
 * Maven's JVM; the servers' figures in a JVM of their own ({@link OwnJvm}), so that Maven's garbage
 * collector stays out of the measured latencies.
 */
public final class BenchMain {

    private static final String HAND_BACK = "bench.hand-back";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> only = Set.of(System.getProperty("bench.only", "P1,P2,P3,P4,P5,P6,P7").split(","));
        if (OwnJvm.isOwn() && System.getProperty(HAND_BACK) != null) {
            runInOwnJvm(only);
            return;
        }
        Instant started = Instant.now();
        String loadBefore = Machine.loadAverage();
        List<Figure> figures = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        if (only.contains("P4")) {
            // Here, on the JDK's default collector (G1) like the app servers that run push handling:
            // under ZGC's barriers both sides ran some 10 % slower, not alike.
            section("P4", PushBench::measure, figures, failures);
        }
        Set<String> rest = new TreeSet<>(only);
        rest.remove("P4");
        if (!rest.isEmpty()) {
            Path handBack = outDir().resolve("figures-own-jvm.tsv");
            Files.deleteIfExists(handBack);
            try {
                OwnJvm.run(BenchMain.class, args, Map.of("bench.only", String.join(",", rest), HAND_BACK, handBack.toString()));
            } catch (IllegalStateException e) {
                failures.add(e.getMessage() + " (its failures are printed above)");
            }
            if (Files.exists(handBack)) {
                Files.readAllLines(handBack).stream().filter(l -> !l.isBlank()).map(Figure::fromLine).forEach(figures::add);
            }
        }
        figures.sort(Comparator.comparing(Figure::id));
        String report = report(figures, failures, started, loadBefore);
        System.out.println();
        System.out.println(report);
        Path out = outDir().resolve("benchmarks.md");
        Files.writeString(out, report);
        System.out.println("written to " + out);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("benchmark sections failed: " + failures);
        }
    }

    /** Everything but P4, in the JVM of {@link OwnJvm}; the figures go back to Maven's JVM through a file. */
    private static void runInOwnJvm(Set<String> only) throws Exception {
        List<Figure> figures = new ArrayList<>();
        List<String> failures = new ArrayList<>();
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
        Files.write(Path.of(System.getProperty(HAND_BACK)), figures.stream().map(Figure::toLine).toList());
        if (!failures.isEmpty()) {
            System.out.println("FAILED " + failures);
            System.exit(1);
        }
    }

    private static Path outDir() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("wxbind.build.dir", "target"), "bench"));
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
