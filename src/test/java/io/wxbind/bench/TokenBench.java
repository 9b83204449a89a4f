package io.wxbind.bench;

import io.wxbind.it.support.CheckLoad;
import io.wxbind.it.support.TokenCluster;
import io.wxbind.it.support.TokenSim;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code mvn -Pbench-tokens package -DskipTests}: server-token calls per token window with 1 and
 * 2 app nodes under load, and caller failures during rotations. Windows are shortened in the
 * simulator (20 s classic {@code cgi-bin/token}, 30 s {@code stable_token}); the minimum, and
 * the target, is one call per window. Prints a table and writes {@code target/bench/tokens.md}.
 */
public final class TokenBench {

    private record Row(int nodes, String appId, String endpoint, long seconds, int calls, int maxPerWindow, long minGapSeconds,
            long checks, long failures, long tokenErrors) {
    }

    private TokenBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Row> rows = measure(Integer.getInteger("bench.tokens.seconds", 75));
        String table = table(rows);
        System.out.println(table);
        Path out = Path.of(System.getProperty("wxbind.build.dir", "target"), "bench", "tokens.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println("written to " + out);
    }

    /** P6 of BENCHMARKS.md: the classic {@code cgi-bin/token} rows as figures (stable_token as extra lines). */
    public static List<Figure> figures(int seconds) throws InterruptedException {
        List<Figure> figures = new ArrayList<>();
        for (Row r : measure(seconds)) {
            figures.add(new Figure("P6", r.endpoint() + " calls per token window, " + r.nodes() + " app node(s) under load",
                    r.maxPerWindow() + " (max in any window)",
                    String.format(Locale.ROOT, "minimum 1; %d calls in %d s, min gap %d s", r.calls(), r.seconds(), r.minGapSeconds()),
                    "exact count", String.format(Locale.ROOT, "%d checks ok, %d caller failures", r.checks(), r.failures()), "= 1",
                    r.maxPerWindow() == 1 && r.failures() == 0));
        }
        return figures;
    }

    /** Each node count in turn: a fresh cluster, {@code seconds} of checked load, then the simulator's token log. */
    static List<Row> measure(int seconds) throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        for (int nodes : new int[] {1, 2}) {
            System.out.println("token bench: " + nodes + " app node(s), " + seconds + " s of load ...");
            try (TokenCluster cluster = TokenCluster.start(nodes)) {
                TokenSim sim = cluster.sim();
                sim.clearIssues();
                CheckLoad load = CheckLoad.start(cluster.callers(), List.of(TokenCluster.OA, TokenCluster.MINI), 3);
                CheckLoad.sleep(Duration.ofSeconds(seconds));
                load.close();
                rows.add(row(nodes, TokenCluster.OA, "cgi-bin/token", seconds, TokenCluster.OA_EXPIRES, sim, load));
                rows.add(row(nodes, TokenCluster.MINI, "stable_token", seconds, TokenCluster.MINI_EXPIRES, sim, load));
            }
        }
        return rows;
    }

    /**
     * A token window is the token's lifetime: the most token calls that fall inside any one
     * window (target 1: nodes never refresh twice for one token), and the shortest gap between calls.
     */
    private static Row row(int nodes, String appId, String endpoint, long seconds, int expires, TokenSim sim, CheckLoad load) {
        List<Long> at = sim.issues(appId).stream().map(TokenSim.Issue::issuedAtMillis).toList();
        long window = (expires - TokenCluster.MARGIN) * 1000L - 2000; // refresh period, less timer jitter
        int max = 0;
        long minGap = Long.MAX_VALUE;
        for (int i = 0; i < at.size(); i++) {
            int inWindow = 0;
            for (int j = i; j < at.size() && at.get(j) - at.get(i) < window; j++) {
                inWindow++;
            }
            max = Math.max(max, inWindow);
            if (i > 0) {
                minGap = Math.min(minGap, at.get(i) - at.get(i - 1));
            }
        }
        return new Row(nodes, appId, endpoint, seconds, at.size(), max, minGap == Long.MAX_VALUE ? -1 : minGap / 1000,
                load.ok(), load.failures().size(), load.tokenErrors());
    }

    static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder("| nodes | app | endpoint | load (s) | token calls | max calls in one window (target 1) "
                + "| min gap (s) | checks ok | caller failures | token errors seen |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %d | %s | %s | %d | %d | %d | %d | %d | %d | %d |%n", r.nodes(), r.appId(),
                    r.endpoint(), r.seconds(), r.calls(), r.maxPerWindow(), r.minGapSeconds(), r.checks(), r.failures(),
                    r.tokenErrors()));
        }
        return b.toString();
    }
}
