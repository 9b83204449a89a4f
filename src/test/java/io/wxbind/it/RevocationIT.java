package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.assertProblemPage;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static io.wxbind.it.support.ItSupport.submitBind;
import static io.wxbind.it.support.ItSupport.ticketFromBindPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.ItSupport;
import io.wxbind.it.support.JsonApi;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One revocation for sessions and bearer tokens, on two app nodes sharing one PostgreSQL: after
 * each trigger (unbind, password, groups, disable, delete, log out everywhere by the user or an
 * admin), an old session and an old token are refused at once on the node that made the change
 * and within {@code wxbind.security-stamp.cache-seconds} (5) on the other; groups changed by the
 * account directory show without a new login; a deleted account's WeChat logs nobody in; a
 * disabled account logs in neither by WeChat nor by password; logout ends one session only.
 * Each case uses an account of its own, made for it.
 */
class RevocationIT {

    /** The stamp cache time (the default), plus slack for a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5 + 5);
    private static final String PASSWORD = "alice-password";
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    private static String nodeA;
    private static String nodeB;
    private static String adminToken;

    /** An account with a bound WeChat, a session on each node, and a bearer token. */
    private record Fixture(String account, SimControl.SimPersonInfo person, WeChatBrowser onA, WeChatBrowser onB, String token) {
    }

    @BeforeAll
    static void twoNodes() {
        nodeA = stack().appUrl();
        nodeB = stack().startExtraNode("stamp-b", Map.of()).url("/wxbind/");
        String admin = newAccount("user", "admin");
        adminToken = issueToken(sessionOn(nodeA, bindNewPerson(admin, PASSWORD)));
    }

    @io.wxbind.it.support.Hostile
    @Test
    void unbindWhenDoneThenOldSessionsAndTokensRefusedOnBothNodes() {
        Fixture f = fixture();
        JsonObject binding = Json.createReader(new StringReader(f.onA().get(nodeA + "api/me/bindings").body())).readArray()
                .getJsonObject(0);
        WeChatBrowser.Page unbound = f.onA().sendJson("DELETE", nodeA + "api/me/bindings/" + binding.getInt("id"), null);
        assertEquals(204, unbound.status(), unbound.body());
        assertAllEnded(f);
    }

    @io.wxbind.it.support.Hostile
    @Test
    void passwordChangeWhenDoneThenThisSessionStaysAndEveryOtherSessionAndTokenEnds() {
        Fixture f = fixture();
        WeChatBrowser changer = sessionOn(nodeA, f.person());
        String url = nodeA + "api/me/password";
        assertJsonError(changer.sendJson("POST", url, "{\"currentPassword\":\"wrong-one\",\"newPassword\":\"brand-new-pass\"}"), 403,
                "wrong_password");
        assertJsonError(changer.sendJson("POST", url, "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"short\"}"), 400,
                "weak_password");
        assertJsonError(changer.sendJson("POST", url, "{not json"), 400, "bad_request");
        assertJsonError(api("POST", url, f.token(), "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"brand-new-pass\"}"),
                403, "session_required");
        assertEquals(200, f.onB().get(nodeB + "api/me").status(), "refused attempts revoke nothing");

        WeChatBrowser.Page changed = changer.sendJson("POST", url,
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"brand-new-pass\"}");
        assertEquals(200, changed.status(), changed.body());
        assertAllEnded(f);
        assertEquals(f.account(), me(changer, nodeA).getString("user"), "the session that changed it stays logged in");
        assertEquals(f.account(), passwordLogin(f.account(), "brand-new-pass"), "the new password works");
    }

    @io.wxbind.it.support.Hostile
    @Test
    void groupsWhenSetByAdminThenSessionsEndAndTheNextLoginHasTheNewGroups() {
        Fixture f = fixture();
        HttpResponse<String> set = api("PUT", nodeA + "api/admin/accounts/" + f.account() + "/groups", adminToken,
                "{\"groups\":[\"user\",\"auditor\"]}");
        assertEquals(200, set.statusCode(), set.body());
        assertEquals(List.of("auditor", "user"), groups(json(set)));
        assertAllEnded(f);
        assertEquals(List.of("auditor", "user"), groups(me(sessionOn(nodeB, f.person()), nodeB)));
    }

    @Test
    void groupsWhenChangedInTheDirectoryThenSessionsAndTokensSeeThemWithoutNewLogin() {
        Fixture f = fixture();
        ItSupport.update("insert into wxbind_user_group (username, group_name) values (?, 'auditor')", f.account());
        awaitTrue("the session on node B sees the new group", () -> groups(me(f.onB(), nodeB)).contains("auditor"));
        awaitTrue("the token sees the new group", () -> groups(json(api("GET", nodeB + "api/me", f.token(), null))).contains("auditor"));
        HttpResponse<String> minted = api("POST", nodeA + "api/wechat/tokens", f.token(), null);
        assertEquals(201, minted.statusCode(), minted.body());
        String child = json(minted).getString("access_token");
        ItSupport.update("delete from wxbind_user_group where username = ? and group_name = 'auditor'", f.account());
        awaitTrue("a token minted from a token carries no frozen groups",
                () -> !groups(json(api("GET", nodeB + "api/me", child, null))).contains("auditor"));
        assertEquals(200, f.onA().get(nodeA + "api/me").status(), "no session ended: nothing was revoked");
    }

    @io.wxbind.it.support.Hostile
    @Test
    void disableWhenByAdminThenSessionsEndAndNeitherWeChatNorPasswordLogsIn() {
        Fixture f = fixture();
        HttpResponse<String> off = api("PUT", nodeA + "api/admin/accounts/" + f.account() + "/enabled", adminToken, "{\"enabled\":false}");
        assertEquals(200, off.statusCode(), off.body());
        assertEquals(false, json(off).getBoolean("enabled"));
        assertAllEnded(f);

        WeChatBrowser.Chain byWeChat = new WeChatBrowser(f.person().id()).open(nodeB + "app/");
        assertProblemPage(byWeChat.last(), 403, "account_unavailable");
        WeChatBrowser stranger = new WeChatBrowser(sim().newPerson("Tries " + f.account()).id());
        WeChatBrowser.Chain byPassword = submitBind(stranger, nodeA, ticketFromBindPage(stranger.open(nodeA + "app/")), f.account(), PASSWORD);
        assertEquals(401, byPassword.last().status(), byPassword.toString());
        assertTrue(byPassword.last().body().contains("Wrong username or password"), "a disabled account reveals nothing");

        assertEquals(200, api("PUT", nodeA + "api/admin/accounts/" + f.account() + "/enabled", adminToken, "{\"enabled\":true}")
                .statusCode());
        assertCaller(new WeChatBrowser(f.person().id()).open(nodeB + "app/").last(), f.account());
    }

    @io.wxbind.it.support.Hostile
    @Test
    void deleteWhenByAdminThenBindingGoneAndARecreatedNameInheritsNothing() {
        Fixture f = fixture();
        HttpResponse<String> deleted = api("DELETE", nodeA + "api/admin/accounts/" + f.account(), adminToken, null);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertAllEnded(f);
        assertEquals(null, boundAccount(APP_ID, f.person().openIdFor(APP_ID)), "the binding went with the account");
        assertJsonError(api("GET", nodeA + "api/admin/accounts/" + f.account(), adminToken, null), 404, "not_found");

        createAccount(f.account(), "user");
        WeChatBrowser.Chain again = new WeChatBrowser(f.person().id()).open(nodeB + "app/");
        assertTrue(again.last().path().endsWith("/wechat/bind"), "the old WeChat is unbound now: " + again);
        assertEquals(null, boundAccount(APP_ID, f.person().openIdFor(APP_ID)));
        assertEquals(401, f.onA().get(nodeA + "api/me").status(), "nor does an old session come back");
        assertJsonError(api("GET", nodeB + "api/me", f.token(), null), 401, "invalid_token");
    }

    @io.wxbind.it.support.Hostile
    @Test
    void logoutEverywhereWhenTheUserAsksThenEverySessionAndTokenEndsThisOneToo() {
        Fixture f = fixture();
        WeChatBrowser.Page page = f.onA().get(nodeA + "app/");
        assertTrue(page.body().contains("id=\"logout-everywhere\""), "the account page offers it");
        WeChatBrowser.Page done = f.onA().sendJson("POST", nodeA + "api/me/logout-everywhere", null);
        assertEquals(204, done.status(), done.body());
        assertAllEnded(f);
        assertCaller(new WeChatBrowser(f.person().id()).open(nodeB + "app/").last(), f.account()); // a new login works
    }

    @io.wxbind.it.support.Hostile
    @Test
    void logoutEverywhereWhenAnAdminAsksThenEverySessionAndTokenEnds() {
        Fixture f = fixture();
        assertJsonError(api("POST", nodeA + "api/admin/accounts/no-such-account/logout-everywhere", adminToken, null), 404, "not_found");
        assertEquals(403, api("POST", nodeA + "api/admin/accounts/" + f.account() + "/logout-everywhere", f.token(), null).statusCode(),
                "a user is no admin");
        HttpResponse<String> done = api("POST", nodeB + "api/admin/accounts/" + f.account() + "/logout-everywhere", adminToken, null);
        assertEquals(204, done.statusCode(), done.body());
        assertAllEnded(f, nodeB);
    }

    @Test
    void logoutWhenOneSessionEndsThenTheOtherSessionsAndTokensStay() {
        Fixture f = fixture();
        WeChatBrowser second = sessionOn(nodeA, f.person());
        WeChatBrowser.Page out = second.sendJson("POST", nodeA + "logout", null);
        assertEquals(303, out.status(), out.body());
        assertEquals(401, second.get(nodeA + "api/me").status());
        long until = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < until) { // longer than any cache: nothing else was revoked
            assertEquals(200, f.onA().get(nodeA + "api/me").status());
            assertEquals(200, f.onB().get(nodeB + "api/me").status());
            assertEquals(200, api("GET", nodeB + "api/me", f.token(), null).statusCode());
            pause();
        }
    }

    @io.wxbind.it.support.Hostile
    @Test
    void adminEndpointsWhenBadInputThen400JsonAndNothingChanged() {
        Fixture f = fixture();
        String base = nodeA + "api/admin/accounts/" + f.account();
        for (String bad : new String[] {"{\"groups\":\"admin\"}", "{\"groups\":[\"a b\"]}", "[]", "{", ""}) {
            assertJsonError(api("PUT", base + "/groups", adminToken, bad), 400, "bad_request");
        }
        assertJsonError(api("PUT", base + "/enabled", adminToken, "{\"enabled\":\"no\"}"), 400, "bad_request");
        assertEquals(List.of("user"), groups(json(api("GET", base, adminToken, null))));
        assertEquals(200, f.onB().get(nodeB + "api/me").status(), "nothing was revoked");
    }

    // --- steps -------------------------------------------------------------------------------

    private static Fixture fixture() {
        String account = newAccount("user");
        SimControl.SimPersonInfo person = bindNewPerson(account, PASSWORD);
        WeChatBrowser onA = sessionOn(nodeA, person);
        WeChatBrowser onB = sessionOn(nodeB, person);
        Fixture f = new Fixture(account, person, onA, onB, issueToken(onA));
        assertEquals(account, me(onB, nodeB).getString("user"));
        assertEquals(200, api("GET", nodeB + "api/ping/user", f.token(), null).statusCode());
        return f;
    }

    /** A fresh built-in account with alice's password hash (password {@value #PASSWORD}). */
    private static String newAccount(String... groups) {
        String name = "stamp" + ACCOUNTS.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100_000, 36);
        createAccount(name, groups);
        return name;
    }

    private static void createAccount(String name, String... groups) {
        assertEquals(1, ItSupport.update("insert into wxbind_user_account (username, password_hash, display_name)"
                + " select ?, password_hash, ? from wxbind_user_account where username = 'alice'", name, "Test " + name));
        for (String g : groups) {
            ItSupport.update("insert into wxbind_user_group (username, group_name) values (?, ?)", name, g);
        }
    }

    /** The bound person opens the account page on {@code node}: logged in silently through the binding. */
    private static WeChatBrowser sessionOn(String node, SimControl.SimPersonInfo person) {
        WeChatBrowser b = new WeChatBrowser(person.id());
        WeChatBrowser.Chain in = b.open(node + "app/");
        assertEquals(200, in.last().status(), in.toString());
        return b;
    }

    private static String issueToken(WeChatBrowser session) {
        WeChatBrowser.Page issued = session.sendJson("POST", nodeA + "api/wechat/tokens", null);
        assertEquals(201, issued.status(), issued.body());
        return Json.createReader(new StringReader(issued.body())).readObject().getString("access_token");
    }

    /** Logs a fresh WeChat in through the bind form; returns who the page says is logged in. */
    private static String passwordLogin(String account, String password) {
        WeChatBrowser b = new WeChatBrowser(sim().newPerson("Password " + account).id());
        WeChatBrowser.Chain done = submitBind(b, nodeA, ticketFromBindPage(b.open(nodeA + "app/")), account, password);
        assertEquals(200, done.last().status(), done.toString());
        return me(b, nodeA).getString("user");
    }

    private static void assertAllEnded(Fixture f) {
        assertAllEnded(f, nodeA);
    }

    /**
     * On {@code changedOn}, the node that made the change, the old session and token are refused
     * at the first request; on the other node within the cache time. A page then starts a new login.
     */
    private static void assertAllEnded(Fixture f, String changedOn) {
        boolean onA = changedOn.equals(nodeA);
        WeChatBrowser local = onA ? f.onA() : f.onB();
        WeChatBrowser remote = onA ? f.onB() : f.onA();
        String localNode = changedOn;
        String remoteNode = onA ? nodeB : nodeA;
        assertJsonError(api("GET", localNode + "api/ping/user", f.token(), null), 401, "invalid_token");
        WeChatBrowser.Page session = local.get(localNode + "api/ping/user");
        assertEquals(401, session.status(), "session on the node that made the change: " + session.body());
        long started = System.nanoTime();
        awaitTrue("token refused on the other node", () -> api("GET", remoteNode + "api/ping/user", f.token(), null).statusCode() == 401);
        awaitTrue("session refused on the other node", () -> remote.get(remoteNode + "api/ping/user").status() == 401);
        System.out.printf("revocation figures: %s refused on the other node after %d ms%n", f.account(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        assertJsonError(api("GET", remoteNode + "api/me", f.token(), null), 401, "invalid_token");
        WeChatBrowser.Page page = remote.get(remoteNode + "app/");
        assertEquals(302, page.status(), "a page starts a new login");
        assertTrue(page.location().contains("/connect/oauth2/authorize"), page.location());
    }

    /** Polls until {@code condition} holds, at most {@link #WITHIN}. */
    private static void awaitTrue(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.get()) {
            assertTrue(System.nanoTime() < deadline, what + " within " + WITHIN.toSeconds() + " s");
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject me(WeChatBrowser b, String node) {
        WeChatBrowser.Page me = b.get(node + "api/me");
        assertEquals(200, me.status(), me.body());
        return Json.createReader(new StringReader(me.body())).readObject();
    }

    private static List<String> groups(JsonObject view) {
        return view.getJsonArray("groups").getValuesAs(JsonString.class).stream().map(JsonString::getString).sorted().toList();
    }

    private static HttpResponse<String> api(String method, String url, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return JsonApi.send(b);
    }

    private static JsonObject json(HttpResponse<String> r) {
        return JsonApi.json(r);
    }

    private static void assertJsonError(HttpResponse<String> r, int status, String error) {
        assertEquals(status, r.statusCode(), r.uri() + ": " + r.body());
        assertEquals(error, json(r).getString("error"), r.body());
        assertTrue(!json(r).getString("message").isBlank());
    }

    private static void assertJsonError(WeChatBrowser.Page page, int status, String error) {
        assertEquals(status, page.status(), page.uri() + ": " + page.body());
        assertTrue(page.contentType().startsWith("application/json"), page.contentType());
        JsonObject body = Json.createReader(new StringReader(page.body())).readObject();
        assertEquals(error, body.getString("error"), page.body());
        assertTrue(!body.getString("message").isBlank());
    }
}
