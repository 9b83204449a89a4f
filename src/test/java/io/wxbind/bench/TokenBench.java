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

    private record Row(int nodes, String appId, String endpoint, long seconds, int windows, int calls, long checks,
            long failures, long tokenErrors) {
    }

    private TokenBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.tokens.seconds", 75);
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
        String table = table(rows);
        System.out.println(table);
        Path out = Path.of(System.getProperty("wxbind.build.dir", "target"), "bench", "tokens.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println("written to " + out);
    }

    /** Windows = how many tokens the load period needed at one refresh per (lifetime − margin). */
    private static Row row(int nodes, String appId, String endpoint, long seconds, int expires, TokenSim sim, CheckLoad load) {
        int windows = (int) Math.max(1, seconds / (expires - TokenCluster.MARGIN));
        return new Row(nodes, appId, endpoint, seconds, windows, sim.issues(appId).size(), load.ok(), load.failures().size(),
                load.tokenErrors());
    }

    static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder("| nodes | app | endpoint | load (s) | windows | token calls | calls/window (target 1) "
                + "| checks ok | caller failures | token errors seen |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %d | %s | %s | %d | %d | %d | %.2f | %d | %d | %d |%n", r.nodes(), r.appId(),
                    r.endpoint(), r.seconds(), r.windows(), r.calls(), (double) r.calls() / r.windows(), r.checks(), r.failures(),
                    r.tokenErrors()));
        }
        return b.toString();
    }
}
