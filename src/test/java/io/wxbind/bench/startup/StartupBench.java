package io.wxbind.bench.startup;

import io.wxbind.bench.Figure;
import io.wxbind.bench.Rounds;
import io.wxbind.launch.Database;
import io.wxbind.launch.LaunchPaths;
import io.wxbind.launch.PayaraNode;
import io.wxbind.launch.PayaraNodeBuilder;
import io.wxbind.launch.WxBindStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * P7: time from Payara Micro's start to the first HTTP 200 with the WxBind WAR
 * ({@code GET /wxbind/api/ping}), against the same for a WAR with one hello endpoint
 * ({@code GET /hello/api/hello}, built by {@link HelloWar}). Both run with the same JVM options,
 * post-boot commands, datasource and config, so the WAR is the only difference.
 *
 * <p>One warm-up start of each (discarded: it fills the page cache and migrates a fresh schema),
 * then {@code bench.startup.rounds} (default 3) rounds, each an app start then a hello start.
 * The app's Flyway thus runs on an already migrated schema in every measured round: the usual
 * restart of a node in production, where only the history table is read. The ratio is the median
 * of the per-round ratios, so slow phases of a shared machine hit both sides of a round alike.
 * Target: at most 1.5 × the baseline.
 */
public final class StartupBench {

    static final double TARGET = 1.5;
    private static final String APP_PROBE = "/wxbind/api/ping";
    /** Nothing listens here: WeChat calls fail fast, no simulator start is timed with the app. */
    private static final String NO_WECHAT = "http://127.0.0.1:9";

    private StartupBench() {
    }

    public static void main(String[] args) {
        try (Database db = Database.start(Database.TEST_URL_ENV)) {
            Figure f = measure(db).get(0);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", f.id(), f.measure(), f.figure(),
                    f.baseline(), f.ratio(), f.spread(), f.target(), f.verdict());
        }
    }

    /** Starts and stops Payara Micro 2 × (1 + rounds) times on {@code db}; a few minutes. */
    public static List<Figure> measure(Database db) {
        int rounds = Math.max(1, Integer.getInteger("bench.startup.rounds", 3));
        LaunchPaths paths = LaunchPaths.fromSystemProperties();
        Path helloWar = HelloWar.build(paths.buildDir());
        time(db, "p7-app-warmup", null, 0, null);
        time(db, "p7-hello-warmup", helloWar, 0, null);
        List<TimedStart.Result> app = new ArrayList<>();
        List<TimedStart.Result> hello = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            app.add(time(db, "p7-app-" + round, null, round, null));
            hello.add(time(db, "p7-hello-" + round, helloWar, round, null));
        }
        if (Boolean.getBoolean("bench.jfr")) {
            // One more start of each, not counted: the recording must run from JVM start to see the deployment.
            time(db, "p7-app-jfr", null, -1, paths.buildDir().resolve("bench").resolve("P7-app.jfr"));
            time(db, "p7-hello-jfr", helloWar, -1, paths.buildDir().resolve("bench").resolve("P7-hello.jfr"));
        }
        return List.of(figure(rounds(app, TimedStart.Result::seconds), rounds(hello, TimedStart.Result::seconds),
                rounds(app, TimedStart.Result::cpuSeconds), rounds(hello, TimedStart.Result::cpuSeconds)));
    }

    private static Rounds rounds(List<TimedStart.Result> results, ToDoubleFunction<TimedStart.Result> value) {
        return new Rounds(results.stream().map(r -> value.applyAsDouble(r)).toList());
    }

    /**
     * One start of the app ({@code war == null}) or of the hello WAR; round 0 is the warm-up, -1 an
     * unmeasured start recorded with JFR into {@code jfr} (through {@code JDK_JAVA_OPTIONS}, so the
     * command line stays the measured one).
     */
    private static TimedStart.Result time(Database db, String node, Path war, int round, Path jfr) {
        PayaraNodeBuilder builder = PayaraNode.builder(node).database(db)
                .config(WxBindStack.appConfig(NO_WECHAT, Map.of()));
        if (jfr != null) {
            builder.env("JDK_JAVA_OPTIONS", "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr);
        }
        String probe = APP_PROBE;
        if (war != null) {
            builder.deploy(war, HelloWar.CONTEXT_ROOT, HelloWar.PROBE);
            probe = "/" + HelloWar.CONTEXT_ROOT + HelloWar.PROBE;
        }
        TimedStart.Result r = TimedStart.untilFirstOk(builder, probe);
        String label = round == 0 ? "warm-up" : round < 0 ? "JFR" : "round " + round;
        System.out.printf(Locale.ROOT, "P7 %-7s %-5s %6.2f s (CPU %5.1f s)%s%n", label, war == null ? "app" : "hello",
                r.seconds(), r.cpuSeconds(), jfr == null ? "" : ", recording " + jfr);
        return r;
    }

    /**
     * The wall-time figure, with the CPU seconds of both sides added to the spread column: on a
     * shared 2-core machine the wall ratio swings with the neighbours' load, the CPU ratio much less.
     */
    static Figure figure(Rounds app, Rounds hello, Rounds appCpu, Rounds helloCpu) {
        Rounds ratio = app.ratioTo(hello);
        Rounds cpuRatio = appCpu.ratioTo(helloCpu);
        String spread = "app " + app.spread("%.2f s") + "; hello " + hello.spread("%.2f s") + "; ratio "
                + ratio.spread("%.2f×") + String.format(Locale.ROOT, "; CPU to first 200: app %.1f s, hello %.1f s, %.2f×",
                        appCpu.median(), helloCpu.median(), cpuRatio.median());
        return new Figure("P7", "Payara Micro start to first 200: WxBind WAR (/wxbind/api/ping) vs one-endpoint WAR",
                String.format(Locale.ROOT, "%.2f s", app.median()), String.format(Locale.ROOT, "%.2f s", hello.median()),
                String.format(Locale.ROOT, "%.2f×", ratio.median()), spread, String.format(Locale.ROOT, "≤ %.1f×", TARGET),
                ratio.median() <= TARGET);
    }
}
