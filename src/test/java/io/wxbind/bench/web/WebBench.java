package io.wxbind.bench.web;

import io.wxbind.bench.Figure;
import io.wxbind.bench.load.BenchBrowser;
import io.wxbind.bench.load.LoadDriver;
import io.wxbind.it.support.SimControl;
import io.wxbind.launch.Database;
import io.wxbind.launch.PayaraNode;
import io.wxbind.launch.WxBindStack;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts what the web figures need — PostgreSQL ({@code WXBIND_TEST_JDBC_URL} or embedded), a
 * Payara Micro node with the simulator, the app node under load (policy bind, {@code snsapi_base}),
 * and for P1 an app node with policy register — binds the load's users through the real flow, then
 * measures P1, P2, P3 and P5. Sizes come from system properties {@code bench.*} (see BENCHMARKS.md).
 */
public final class WebBench {

    /** The tests' 2 s WeChat time-out would turn queueing under load into errors; production's is 5 s. */
    private static final Map<String, String> PRODUCTION_TIMEOUT = Map.of("wechat.http-timeout-ms", "5000");

    private WebBench() {
    }

    public static List<Figure> measure(java.util.Set<String> only) {
        int rounds = Integer.getInteger("bench.rounds", 5);
        int users = Integer.getInteger("bench.web.users", 16);
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.web.warmup-seconds", 2));
        Duration window = Duration.ofSeconds(Integer.getInteger("bench.web.seconds", 8));
        int latencyUsers = Integer.getInteger("bench.latency.users", 200);
        Duration think = Duration.ofMillis(Integer.getInteger("bench.latency.think-ms", 5000));
        List<Figure> figures = new ArrayList<>();
        System.out.println("web benches: starting PostgreSQL and Payara Micro (app + simulator, and a register node) ...");
        try (WxBindStack stack = WxBindStack.start("bench", Database.start(Database.TEST_URL_ENV), 0,
                Map.of("wxbind.demo.seed-accounts", "true"))) {
            // The load goes to an app-only node: sharing one thread pool with the simulator, app threads
            // waiting on WeChat calls would starve the simulator threads that answer them (WeChat is
            // another server in real life; both still share this machine's cores).
            PayaraNode appNode = stack.startExtraNode("bench-app", PRODUCTION_TIMEOUT);
            String appUrl = appNode.url("/wxbind/");
            String registerUrl = only.contains("P1")
                    ? stack.startExtraNode("bench-register", Map.of("wechat.first-login", "register", "wechat.http-timeout-ms", "5000")).url("/wxbind/") : null;
            SimControl sim = new SimControl(stack.simulatorControlUrl());
            List<BoundPerson> people = BenchPeople.bind(sim, appUrl, Integer.getInteger("bench.web.people", 40));
            HttpClient http = BenchBrowser.sharedClient();
            WebScenarios scenarios = new WebScenarios(http, appUrl, people);

            if (only.contains("P1")) {
                System.out.println("P1: WeChat API calls per login ...");
                figures.addAll(new LoginCallsBench(sim, scenarios, appUrl, registerUrl, 10).measure(people.get(0)));
            }
            if (only.contains("P2") || only.contains("P3")) {
                System.out.println("P2, P3: " + users + " users, " + window.toSeconds() + " s per load, " + rounds + " rounds ...");
                figures.addAll(new ThroughputBench(scenarios, new LoadDriver(users, warmUp, window, Duration.ZERO), rounds,
                        appNode.pid())
                        .measure(only.contains("P2"), only.contains("P3")));
            }
            if (!only.contains("P5")) {
                return figures;
            }
            System.out.println("P5: " + latencyUsers + " users, think time " + think.toMillis() + " ms, WeChat API latency 100 ms ...");
            LoadDriver latencyDriver = new LoadDriver(latencyUsers, Duration.ofSeconds(5), Duration.ofSeconds(
                    Integer.getInteger("bench.latency.seconds", 15)), think);
            figures.addAll(new LatencyBench(sim, scenarios, latencyDriver, 100, rounds).measure(latencyUsers,
                    think.toMillis() + " ms ± 50 %"));
        }
        return figures;
    }
}
