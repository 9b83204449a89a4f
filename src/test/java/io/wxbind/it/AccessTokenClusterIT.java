package io.wxbind.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.CheckLoad;
import io.wxbind.it.support.TokenCluster;
import io.wxbind.it.support.TokenSim;
import io.wxbind.it.support.WeChatBrowser;
import io.wxbind.launch.PayaraNode;
import io.wxbind.launch.WxBindStack;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Server access tokens on a cluster: two app nodes on one PostgreSQL and one simulator, token
 * windows shortened to 20 s (classic {@code cgi-bin/token}, official account) and 30 s
 * ({@code stable_token}, mini program), callers loading both nodes all the time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessTokenClusterIT {

    static final String OA = TokenCluster.OA;
    static final String MINI = TokenCluster.MINI;
    static final int OA_EXPIRES = TokenCluster.OA_EXPIRES;
    static final int MINI_EXPIRES = TokenCluster.MINI_EXPIRES;
    static final int MARGIN = TokenCluster.MARGIN;

    private static TokenCluster cluster;
    private static WxBindStack stack;
    private static TokenSim sim;
    private static Map<String, PayaraNode> nodes;
    private static final Map<String, CheckLoad.Caller> callers = new HashMap<>();

    @BeforeAll
    static void cluster() {
        cluster = TokenCluster.start(2);
        stack = cluster.stack();
        sim = cluster.sim();
        nodes = cluster.nodes();
        for (String name : nodes.keySet()) {
            callers.put(name, cluster.caller(name));
        }
    }

    @AfterAll
    static void down() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void rotationsWhenTwoNodesUnderLoadThenOneTokenCallPerWindowAndNoTokenErrors() throws Exception {
        sim.clearIssues();
        long oaCalls = sim.calls("/api/cgi-bin/token", OA);
        long miniCalls = sim.calls("/api/cgi-bin/stable_token", MINI);
        CheckLoad load = CheckLoad.start(List.of(callers.get("tok-a"), callers.get("tok-b")), List.of(OA, MINI), 3);
        CheckLoad.sleep(Duration.ofSeconds(3 * MINI_EXPIRES - 3 * MARGIN + 5)); // ≥ 3 stable windows, ≥ 5 classic ones
        load.close();

        List<TokenSim.Issue> oa = sim.issues(OA);
        List<TokenSim.Issue> mini = sim.issues(MINI);
        System.out.printf("token figures: %d checks ok; %s: %d cgi-bin/token calls, gaps %s s; %s: %d stable_token calls, gaps %s s%n",
                load.ok(), OA, oa.size(), gaps(oa), MINI, mini.size(), gaps(mini));
        assertEquals(List.of(), load.failures());
        assertEquals(0, load.tokenErrors(), "callers saw 40001 during rotations");
        assertTrue(load.ok() > 100, "the load ran: " + load.ok());
        assertTrue(oa.size() >= 4, "classic windows seen: " + oa.size());
        assertTrue(mini.size() >= 2, "stable windows seen: " + mini.size());
        assertEquals(oa.size(), sim.calls("/api/cgi-bin/token", OA) - oaCalls, "every token call issued a used token");
        assertEquals(mini.size(), sim.calls("/api/cgi-bin/stable_token", MINI) - miniCalls);
        assertOnePerWindow(oa, OA_EXPIRES);
        assertOnePerWindow(mini, MINI_EXPIRES);
        assertTrue(mini.stream().allMatch(TokenSim.Issue::isNew), "no stable_token call came back with the old token: " + mini);
        assertTrue(validIn(readiness("tok-a"), OA), readiness("tok-a"));
    }

    @Test
    @Order(2)
    void rejectedTokenWhenHundredCallersAtOnceThenExactlyOneRefresh() throws Exception {
        awaitTokenLeft(MINI, Duration.ofSeconds(15));
        // Another party force-refreshes (as after a leak): the app's current token is now invalid.
        forceRefreshElsewhere();
        long before = sim.calls("/api/cgi-bin/stable_token", MINI);
        CheckLoad probe = CheckLoad.start(List.of(), List.of(MINI), 0);
        ExecutorService pool = Executors.newFixedThreadPool(100);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 100; i++) {
            pool.submit(() -> {
                go.await();
                probe.once(callers.get("tok-a"), MINI);
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        probe.close();
        System.out.printf("token figures: 100 callers on a rejected token: %d saw 40001, %d stable_token calls%n",
                probe.tokenErrors(), sim.calls("/api/cgi-bin/stable_token", MINI) - before);
        assertEquals(List.of(), probe.failures());
        assertEquals(100, probe.ok());
        assertTrue(probe.tokenErrors() > 0, "the callers did hit the rejected token");
        assertEquals(1, sim.calls("/api/cgi-bin/stable_token", MINI) - before, "one refresh for all of them");
    }

    @Test
    @Order(3)
    void weChatDownWhenRefreshDueThenOldTokenServesUntilExpiryThenRecovers() throws Exception {
        Instant refreshedAt = awaitRefresh(OA);
        Instant expiresAt = row(OA, "expires_at");
        sim.fault(Json.createObjectBuilder().add("path", "/api/cgi-bin/token").add("httpStatus", 503).build());
        try {
            CheckLoad load = CheckLoad.start(List.of(callers.get("tok-a"), callers.get("tok-b")), List.of(OA), 2);
            CheckLoad.sleep(Duration.between(Instant.now(), expiresAt.minusSeconds(3)));
            load.close();
            assertEquals(List.of(), load.failures(), "the old token kept serving while WeChat was down");
            assertTrue(load.ok() > 20);
            assertNotNull(rowText(OA, "last_error"), "the failure is recorded");
            String ready = readiness("tok-a");
            assertTrue(validIn(ready, OA) && ready.contains(OA + ".lastError"), ready);
            assertTrue(logs().contains("could not be refreshed"), "a WARNING was logged");
            assertEquals(refreshedAt, row(OA, "refreshed_at"), "no token while WeChat was down");

            CheckLoad.sleep(Duration.between(Instant.now(), expiresAt.plusSeconds(3)));
            assertTrue(readiness("tok-b").contains("\"status\":\"DOWN\""), "expired and not renewed: not ready");
            CheckLoad after = CheckLoad.start(List.of(), List.of(OA), 0);
            after.once(callers.get("tok-b"), OA);
            after.close();
            assertTrue(after.failures().get(0).contains("HTTP 503"), after.failures().toString());
        } finally {
            sim.clearFaults();
        }
        Instant deadline = Instant.now().plusSeconds(15);
        while (!readiness("tok-a").contains("\"status\":\"UP\"") && Instant.now().isBefore(deadline)) {
            CheckLoad.sleep(Duration.ofMillis(300));
        }
        assertTrue(readiness("tok-a").contains("\"status\":\"UP\""), "recovered: " + readiness("tok-a"));
        assertEquals(null, rowText(OA, "last_error"));
        CheckLoad again = CheckLoad.start(List.of(), List.of(OA), 0);
        again.once(callers.get("tok-a"), OA);
        again.close();
        assertEquals(List.of(), again.failures());
    }

    @Test
    @Order(4)
    void refreshingNodeWhenKilledThenTheOtherTakesOverWithoutCallerFailures() throws Exception {
        awaitRefresh(OA);
        String holder = rowText(OA, "refreshed_by");
        String survivor = holder.equals("tok-a") ? "tok-b" : "tok-a";
        nodes.get(holder).kill();
        sim.clearIssues();
        CheckLoad load = CheckLoad.start(List.of(callers.get(survivor)), List.of(OA, MINI), 3);
        CheckLoad.sleep(Duration.ofSeconds(2 * OA_EXPIRES));
        load.close();
        System.out.printf("token figures: after killing %s, %s made %d refreshes; %d checks ok%n", holder, survivor,
                sim.issues(OA).size(), load.ok());
        assertEquals(List.of(), load.failures());
        assertEquals(0, load.tokenErrors());
        assertTrue(sim.issues(OA).size() >= 2, "the survivor kept refreshing");
        assertEquals(survivor, rowText(OA, "refreshed_by"));
        assertOnePerWindow(sim.issues(OA), OA_EXPIRES);
    }

    /** Never two new tokens inside one window: consecutive issues are at least (window − margin − slack) apart. */
    private static void assertOnePerWindow(List<TokenSim.Issue> issues, int expires) {
        long min = (expires - MARGIN - 3) * 1000L;
        for (int i = 1; i < issues.size(); i++) {
            long gap = issues.get(i).issuedAtMillis() - issues.get(i - 1).issuedAtMillis();
            assertTrue(gap >= min, "two token calls " + gap + " ms apart: " + issues);
        }
    }

    private static List<Long> gaps(List<TokenSim.Issue> issues) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < issues.size(); i++) {
            gaps.add(Math.round((issues.get(i).issuedAtMillis() - issues.get(i - 1).issuedAtMillis()) / 1000.0));
        }
        return gaps;
    }

    private static void forceRefreshElsewhere() throws Exception {
        var http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var body = Json.createObjectBuilder().add("grant_type", "client_credential").add("appid", MINI)
                .add("secret", WxBindStack.MINIPROGRAM_APP_SECRET).add("force_refresh", true).build().toString();
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.simulatorApiUrl() + "/cgi-bin/stable_token"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(r.body().contains("access_token"), r.body());
    }

    private static void awaitTokenLeft(String appId, Duration left) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Instant exp = row(appId, "expires_at");
            if (exp != null && Instant.now().plus(left).isBefore(exp)) {
                return;
            }
            CheckLoad.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("no token with " + left + " left for " + appId);
    }

    /** Waits for the next refresh of {@code appId}; returns its time. */
    private static Instant awaitRefresh(String appId) {
        Instant last = row(appId, "refreshed_at");
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Instant now = row(appId, "refreshed_at");
            if (now != null && !now.equals(last)) {
                return now;
            }
            CheckLoad.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("no refresh of " + appId);
    }

    private static Instant row(String appId, String column) {
        try (Connection c = stack.database().connect();
             PreparedStatement ps = c.prepareStatement("select " + column + " from wxbind_app_token where app_id = ?")) {
            ps.setString(1, appId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getTimestamp(1) != null ? rs.getTimestamp(1).toInstant() : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rowText(String appId, String column) {
        try (Connection c = stack.database().connect();
             PreparedStatement ps = c.prepareStatement("select " + column + " from wxbind_app_token where app_id = ?")) {
            ps.setString(1, appId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** MicroProfile Health data: Payara writes the boolean as a string. */
    private static boolean validIn(String readiness, String appId) {
        return readiness.matches("(?s).*\"" + appId + "\\.valid\":\"?true.*");
    }

    private static String readiness(String node) {
        return new WeChatBrowser("nobody").get(nodes.get(node).url("/health/ready")).body().replace(" ", "");
    }

    private static String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        for (PayaraNode n : nodes.values()) {
            all.append(Files.readString(n.logFile()));
        }
        return all.toString();
    }
}
