package io.wxbind.bench.web;

import io.wxbind.bench.Figure;
import io.wxbind.bench.Recording;
import io.wxbind.bench.Rounds;
import io.wxbind.bench.WarmUp;
import io.wxbind.bench.load.LoadDriver;
import io.wxbind.bench.load.LoadResult;
import io.wxbind.bench.load.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * P2 (bound-user logins/s through the whole redirect chain) and P3 (protected requests/s with a
 * session cookie and with a bearer token), each against the open {@code GET /api/ping} of the
 * same node. Every round runs all loads back to back (each round starting with the next one), so
 * a ratio compares loads measured seconds apart on the same machine; warm-up rounds
 * repeat until the figures settle ({@link WarmUp}) and are discarded.
 */
final class ThroughputBench {

    private final WebScenarios scenarios;
    private final LoadDriver driver;
    private final int rounds;
    private final long pid;

    /** {@code pid}: the app server's process, recorded with JFR in the last round when {@code bench.jfr} is set. */
    ThroughputBench(WebScenarios scenarios, LoadDriver driver, int rounds, long pid) {
        this.pid = pid;
        this.scenarios = scenarios;
        this.driver = driver;
        this.rounds = rounds;
    }

    List<Figure> measure(boolean logins, boolean protectedRequests) {
        Map<String, Scenario> loads = new LinkedHashMap<>();
        loads.put("open ping", scenarios.openPing());
        if (logins) {
            loads.put("login", scenarios.boundLogin());
        }
        if (protectedRequests) {
            loads.put("session ping", scenarios.sessionPing());
            loads.put("bearer ping", scenarios.bearerPing());
        }
        WarmUp warmUp = WarmUp.fromProperties();
        do {
            for (Map.Entry<String, Scenario> load : inOrder(loads, warmUp.rounds())) {
                LoadResult r = driver.run(load.getKey(), load.getValue());
                System.out.println("  warm-up " + (warmUp.rounds() + 1) + " " + r.summary());
                warmUp.record(load.getKey(), r.perSecond());
            }
        } while (warmUp.another());
        System.out.println("  " + warmUp.summary());
        Map<String, List<LoadResult>> results = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, Scenario> load : inOrder(loads, round)) {
                LoadResult r;
                try (Recording jfr = round == rounds ? Recording.of(pid, "P2-P3-" + load.getKey().replace(' ', '-')) : Recording.none()) {
                    r = driver.run(load.getKey(), load.getValue());
                }
                System.out.println("  round " + round + " " + r.summary());
                results.computeIfAbsent(load.getKey(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Figure> figures = new ArrayList<>();
        if (!logins) {
            return protectedFigures(results, figures);
        }
        figures.add(ratio("P2", "bound-user logins/s, full redirect chain (simulator latency 0)", "logins/s",
                results.get("login"), results.get("open ping"), "≥ 0.5", 0.5));
        return protectedRequests ? protectedFigures(results, figures) : figures;
    }

    /** Each round starts with another load, so no load always runs first (JIT, caches, noise). */
    private static List<Map.Entry<String, Scenario>> inOrder(Map<String, Scenario> loads, int round) {
        List<Map.Entry<String, Scenario>> order = new ArrayList<>(loads.entrySet());
        Collections.rotate(order, -round);
        return order;
    }

    private static List<Figure> protectedFigures(Map<String, List<LoadResult>> results, List<Figure> figures) {
        figures.add(ratio("P3", "protected GET /api/ping/user with a session cookie", "req/s", results.get("session ping"),
                results.get("open ping"), "≥ 0.9", 0.9));
        figures.add(ratio("P3", "protected GET /api/ping/user with a bearer token", "req/s", results.get("bearer ping"),
                results.get("open ping"), "≥ 0.9", 0.9));
        return figures;
    }

    private static Figure ratio(String id, String measure, String unit, List<LoadResult> measured, List<LoadResult> baseline,
            String target, double minimum) {
        Rounds m = perSecond(measured);
        Rounds b = perSecond(baseline);
        Rounds ratio = m.ratioTo(b);
        long errors = measured.stream().mapToLong(LoadResult::errors).sum();
        long baseErrors = baseline.stream().mapToLong(LoadResult::errors).sum();
        return new Figure(id, measure, String.format(Locale.ROOT, "%.0f %s (%d errors)", m.median(), unit, errors),
                String.format(Locale.ROOT, "%.0f req/s open GET /api/ping (%d errors)", b.median(), baseErrors),
                String.format(Locale.ROOT, "%.2f", ratio.median()),
                "ratio " + ratio.spread("%.2f") + "; " + unit + " " + m.spread("%.0f") + "; ping " + b.spread("%.0f"), target,
                ratio.median() >= minimum && errors == 0);
    }

    static Rounds perSecond(List<LoadResult> results) {
        return new Rounds(results.stream().map(LoadResult::perSecond).toList());
    }
}
