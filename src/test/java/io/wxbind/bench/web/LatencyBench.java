package io.wxbind.bench.web;

import io.wxbind.bench.Figure;
import io.wxbind.bench.Rounds;
import io.wxbind.bench.WarmUp;
import io.wxbind.bench.load.LoadDriver;
import io.wxbind.bench.load.LoadResult;
import io.wxbind.it.support.SimControl;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * P5: login latency (the whole redirect chain, as the user waits for it) with many users at
 * once, while every WeChat API call takes {@code latencyMs} in the simulator. A login makes one
 * API call (P1), so the latency itself is the floor; what lies above it is WxBind's own cost
 * plus queueing.
 */
final class LatencyBench {

    private final SimControl sim;
    private final WebScenarios scenarios;
    private final LoadDriver driver;
    private final int latencyMs;
    private final int rounds;

    LatencyBench(SimControl sim, WebScenarios scenarios, LoadDriver driver, int latencyMs, int rounds) {
        this.sim = sim;
        this.scenarios = scenarios;
        this.driver = driver;
        this.latencyMs = latencyMs;
        this.rounds = rounds;
    }

    List<Figure> measure(int users, String thinkTime) {
        sim.fault(Json.createObjectBuilder().add("path", "/api/*").add("latencyMs", latencyMs).build());
        List<LoadResult> results = new ArrayList<>();
        try {
            // Settles on the median: a p99 of some 600 logins moves ±10 % from round to round anyway,
            // while the median still falling by a few ms shows the JIT is not done yet.
            WarmUp warmUp = WarmUp.fromProperties(0.03);
            do {
                LoadResult r = driver.run("login at " + users + " users", scenarios.boundLogin());
                System.out.println("  warm-up " + (warmUp.rounds() + 1) + " " + r.summary());
                warmUp.record("p50", r.percentileMillis(0.5));
            } while (warmUp.another());
            System.out.println("  " + warmUp.summary());
            for (int round = 1; round <= rounds; round++) {
                LoadResult r = driver.run("login at " + users + " users", scenarios.boundLogin());
                System.out.println("  round " + round + " " + r.summary());
                results.add(r);
            }
        } finally {
            sim.clearFaults();
        }
        Rounds p50 = new Rounds(results.stream().map(r -> r.percentileMillis(0.5)).toList());
        Rounds p99 = new Rounds(results.stream().map(r -> r.percentileMillis(0.99)).toList());
        Rounds rate = ThroughputBench.perSecond(results);
        long errors = results.stream().mapToLong(LoadResult::errors).sum();
        double limit = latencyMs + 30;
        return List.of(new Figure("P5", "login latency, " + users + " concurrent users (think time " + thinkTime + ", "
                + String.format(Locale.ROOT, "%.0f", rate.median()) + " logins/s), every WeChat API call +" + latencyMs + " ms",
                String.format(Locale.ROOT, "p50 %.0f ms, p99 %.0f ms (%d errors)", p50.median(), p99.median(), errors),
                latencyMs + " ms simulator latency",
                String.format(Locale.ROOT, "p99 − latency = %.0f ms", p99.median() - latencyMs),
                "p50 " + p50.spread("%.0f") + "; p99 " + p99.spread("%.0f"), String.format(Locale.ROOT, "p99 ≤ %.0f ms", limit),
                p99.median() <= limit && errors == 0));
    }
}
