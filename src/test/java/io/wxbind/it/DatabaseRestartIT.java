package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.assertNoStackTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.Forms;
import io.wxbind.it.support.LoadLoops;
import io.wxbind.it.support.LoadLoops.Outcome;
import io.wxbind.it.support.LoadLoops.Sample;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.TestAccounts;
import io.wxbind.it.support.WeChatBrowser;
import io.wxbind.launch.Database;
import io.wxbind.launch.LaunchPaths;
import io.wxbind.launch.RestartableDatabase;
import io.wxbind.launch.WxBindStack;
import jakarta.json.Json;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, point 13: PostgreSQL restarts while people log in and bind. The test runs its own
 * node on its own PostgreSQL (the machine's server is shared by every test and CI, so it is never
 * the one restarted): web logins, binds and API calls on five threads; PostgreSQL stops for 20 s
 * and starts again on the same port. Every answer meanwhile is either a success or a
 * readable 503 ({@code database_unavailable} page, or JSON under {@code /api/}), never a 500 or a
 * stack trace; logins work again soon after without restarting Payara; and every bind that was
 * acknowledged is in the database.
 */
class DatabaseRestartIT {

    /**
     * Longer than EclipseLink's own retries of a read on a broken connection (3 attempts, 5 s
     * apart, its defaults), which hide a shorter outage from callers (they wait, then succeed).
     */
    private static final long OUTAGE_SECONDS = 20;
    /** Every kind of request must work again this soon after PostgreSQL is back (pool validation period 5 s). */
    private static final long RECOVERY_LIMIT_SECONDS = 45;
    private static final long TAIL_SECONDS = 4;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /** openid → account of every bind the app answered with success. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    @Test
    void postgresRestartedUnderLoginLoadWhenDownThenClear503AndWhenUpAgainLoginsWithoutRestartAndNoAcknowledgedBindLost()
            throws Exception {
        RestartableDatabase pg = RestartableDatabase.start(LaunchPaths.fromSystemProperties().buildDir().resolve("pg-restart-" + run));
        // A patient WeChat time-out: on a loaded machine a slow simulator must not pass for the outage.
        try (WxBindStack own = WxBindStack.startIsolated("pg-restart", pg.database(), Map.of("wechat.http-timeout-ms", "10000"))) {
            String app = own.appUrl();
            SimControl sim = new SimControl(own.simulatorControlUrl());
            String password = "restart-password-" + run;
            String account = TestAccounts.create(pg.database(), "restart-" + run, 1, password).get(0);
            List<SimControl.SimPersonInfo> bound = List.of(bind(app, sim, account, password), bind(app, sim, account, password));
            WeChatBrowser session = new WeChatBrowser(bound.get(0).id());
            assertEquals(200, session.open(app + "app/").last().status());
            String token = issueToken(session, app);
            WeChatBrowser apiClient = new WeChatBrowser("nobody");

            long stopAt;
            long downAt;
            long upAt;
            long recoveredAt;
            List<Sample> samples;
            try (LoadLoops load = new LoadLoops()) {
                load.start("web-login-1", () -> webLogin(app, bound)).start("web-login-2", () -> webLogin(app, bound))
                        .start("bind", () -> bindOnce(app, sim, account, password))
                        .start("api-session", () -> api(session, app + "api/me", Map.of()))
                        .start("api-bearer", () -> api(apiClient, app + "api/me", Map.of("Authorization", "Bearer " + token)));
                assertTrue(load.awaitEveryLoopOk(System.nanoTime(), 120) > 0, "the load did not get going: " + load.samples());
                stopAt = System.nanoTime();
                pg.stop();
                downAt = System.nanoTime();
                TimeUnit.SECONDS.sleep(OUTAGE_SECONDS);
                pg.restart();
                upAt = System.nanoTime();
                recoveredAt = load.awaitEveryLoopOk(upAt, RECOVERY_LIMIT_SECONDS);
                TimeUnit.SECONDS.sleep(TAIL_SECONDS);
                load.close();
                samples = load.samples();
            }

            writeTimeline(samples, stopAt, downAt, upAt, recoveredAt);
            List<Sample> outage = samples.stream().filter(s -> s.startedIn(stopAt, upAt)).toList();
            long unavailable = outage.stream().filter(s -> s.outcome().status() == 503).count();
            long succeeded = outage.stream().filter(s -> s.outcome().ok()).count();
            long errors500 = samples.stream().filter(s -> s.outcome().status() == 500).count();
            int inDatabase = bindsInDatabase(pg.database());
            double longest = outage.stream().mapToLong(s -> s.endNanos() - s.startNanos()).max().orElse(0) / 1e9;
            System.out.printf("db restart: %d requests during the %d s outage, %d answered 503, %d succeeded, %d answered 500"
                    + " (longest answer %.1f s); every kind of request succeeded again %.1f s after PostgreSQL was back"
                    + " (Payara not restarted); %d acknowledged binds, %d in the database%n", outage.size(), OUTAGE_SECONDS,
                    unavailable, succeeded, errors500, longest, recoveredAt < 0 ? -1.0 : (recoveredAt - upAt) / 1e9,
                    acknowledged.size(), inDatabase);

            samples.stream().filter(s -> !s.outcome().ok()).forEach(DatabaseRestartIT::assertClearUnavailable);
            assertTrue(unavailable > 0, "the outage was not seen: " + outage.size() + " requests during it");
            assertTrue(recoveredAt > 0, "not every kind of request worked again within " + RECOVERY_LIMIT_SECONDS + " s");
            List<Sample> tail = samples.stream().filter(s -> s.startNanos() > recoveredAt).toList();
            assertTrue(!tail.isEmpty() && tail.stream().allMatch(s -> s.outcome().ok()), "after recovery every request succeeds: "
                    + tail.stream().filter(s -> !s.outcome().ok()).map(s -> s.loop() + " " + s.outcome().status()).toList());
            assertTrue(acknowledged.size() > 0, "no bind was acknowledged");
            assertEquals(acknowledged.size(), inDatabase, "every acknowledged bind is in the database");
        }
    }

    /** Every try on a time line relative to the stop, for whoever has to find out why this test failed. */
    private void writeTimeline(List<Sample> samples, long stopAt, long downAt, long upAt, long recoveredAt) throws java.io.IOException {
        StringBuilder out = new StringBuilder(String.format("stop requested 0.0 s, down %.1f s, up %.1f s, recovered %.1f s%n",
                (downAt - stopAt) / 1e9, (upAt - stopAt) / 1e9, (recoveredAt - stopAt) / 1e9));
        samples.stream().sorted(java.util.Comparator.comparingLong(Sample::startNanos)).forEach(s -> out.append(String.format(
                "%8.2f %8.2f %-12s %4d %s%n", (s.startNanos() - stopAt) / 1e9, (s.endNanos() - stopAt) / 1e9, s.loop(),
                s.outcome().status(), s.outcome().ok() ? "ok" : s.outcome().answer() == null ? s.outcome().detail()
                        : s.outcome().answer().uri().getPath() + " " + s.outcome().answer().errorCode())));
        java.nio.file.Path file = LaunchPaths.fromSystemProperties().buildDir().resolve("logs").resolve("db-restart-timeline-" + run + ".txt");
        java.nio.file.Files.writeString(file, out);
    }

    /** A failure must be a 503 a person (page) or a client (JSON) understands. */
    private static void assertClearUnavailable(Sample s) {
        Outcome o = s.outcome();
        String what = s.loop() + " got " + o.status() + (o.detail() != null ? " " + o.detail() : "");
        assertEquals(503, o.status(), what + (o.answer() != null ? ": " + o.answer().body() : ""));
        WeChatBrowser.Page page = o.answer();
        assertNoStackTrace(page.body());
        if (page.path().contains("/api/")) {
            assertTrue(page.contentType().startsWith("application/json"), what + " " + page.contentType());
            assertEquals("database_unavailable", Json.createReader(new StringReader(page.body())).readObject().getString("error"), what);
        } else {
            assertTrue(page.contentType().startsWith("text/html"), what + " " + page.contentType());
            assertEquals("database_unavailable", page.errorCode(), what + ": " + page.body());
        }
    }

    /** A bound person opens the protected page: WeChat logs them in on the way (state, code, binding lookup). */
    private static Outcome webLogin(String app, List<SimControl.SimPersonInfo> bound) {
        SimControl.SimPersonInfo p = bound.get(ThreadLocalRandom.current().nextInt(bound.size()));
        WeChatBrowser.Page last = new WeChatBrowser(p.id()).open(app + "app/").last();
        return last.status() == 200 && last.body().contains("id=\"caller\"") ? Outcome.ok(last) : Outcome.failed(last);
    }

    /** A new person binds their WeChat with the account's password; a 303 is the acknowledgement. */
    private Outcome bindOnce(String app, SimControl sim, String account, String password) {
        SimControl.SimPersonInfo p = sim.newPerson("Restart Bind");
        WeChatBrowser b = new WeChatBrowser(p.id());
        WeChatBrowser.Chain chain = b.open(app + "app/");
        if (chain.last().status() != 200 || !chain.last().path().endsWith("/wechat/bind")) {
            return Outcome.failed(chain.last());
        }
        WeChatBrowser.Page answer = b.submit(app + "wechat/bind",
                Forms.with(Forms.hiddenFields(chain.last().body()), "username", account, "password", password));
        if (answer.status() == 303) {
            acknowledged.put(p.openIdFor(APP_ID), account);
            return Outcome.ok(answer);
        }
        return Outcome.failed(answer);
    }

    private static Outcome api(WeChatBrowser b, String url, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Accept", "application/json");
        WeChatBrowser.Page answer = b.get(url, all);
        return answer.status() == 200 ? Outcome.ok(answer) : Outcome.failed(answer);
    }

    private static SimControl.SimPersonInfo bind(String app, SimControl sim, String account, String password) {
        SimControl.SimPersonInfo p = sim.newPerson("Restart Login");
        WeChatBrowser b = new WeChatBrowser(p.id());
        Map<String, String> form = Forms.bindForm(b.open(app + "app/"));
        WeChatBrowser.Page answer = b.submit(app + "wechat/bind", Forms.with(form, "username", account, "password", password));
        assertEquals(303, answer.status(), answer.body());
        return p;
    }

    private static String issueToken(WeChatBrowser session, String app) {
        WeChatBrowser.Page issued = session.postJson(app + "api/wechat/tokens", "{}");
        assertEquals(201, issued.status(), issued.body());
        return Json.createReader(new StringReader(issued.body())).readObject().getString("access_token");
    }

    private int bindsInDatabase(Database db) throws SQLException {
        int found = 0;
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("select account_name from wxbind_wechat_openid where app_id = ? and open_id = ?")) {
            for (Map.Entry<String, String> bind : acknowledged.entrySet()) {
                ps.setString(1, APP_ID);
                ps.setString(2, bind.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    found += rs.next() && rs.getString(1).equals(bind.getValue()) ? 1 : 0;
                }
            }
        }
        return found;
    }
}
