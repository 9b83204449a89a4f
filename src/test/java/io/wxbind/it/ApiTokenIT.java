package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.auth.token.ApiTokenFormat;
import io.wxbind.it.support.ItSupport;
import io.wxbind.it.support.JsonApi;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bearer API tokens over real HTTP: issued after a WeChat login, used by a client without
 * cookies, refused when missing, garbled, in the query string, revoked or expired, and valid on
 * another node of the same database. Every answer is checked; none may be a 500.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class ApiTokenIT {

    /** Lifetime on the short-lived node; its cache time is longer, so the test shows the cache never outlives a token. */
    private static final int SHORT_TTL = 10;

    /** What an expired token hears, unless the purge (every minute, any node) deleted its row just before. */
    private static final String EXPIRED_OR_PURGED = "(expired|not valid)";

    private static String app;
    private static WeChatBrowser alice;

    @BeforeAll
    static void loggedInBrowser() {
        app = stack().appUrl();
        alice = new WeChatBrowser(bindNewPerson("alice", "alice-password").id());
        WeChatBrowser.Chain in = alice.open(app + "app/");
        assertEquals(200, in.last().status(), in.toString());
        assertCaller(in.last(), "alice");
    }

    @Test
    void tokenWhenIssuedAfterWeChatLoginThenClientWithoutCookiesIsAliceOnProtectedAndOpenPaths() {
        JsonObject issued = issueWithSession(alice);
        String token = issued.getString("access_token");
        assertEquals("Bearer", issued.getString("token_type"));
        assertEquals(3600, issued.getInt("expires_in"));

        HttpResponse<String> me = send("GET", app + "api/me", "Bearer " + token);
        assertOk(me);
        JsonObject view = json(me);
        assertEquals("alice", view.getString("user"));
        assertEquals(List.of("admin", "user"), view.getJsonArray("groups").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertEquals("API_TOKEN", view.getString("loginMethod"));
        assertOk(send("GET", app + "api/me/bindings", "Bearer " + token));

        HttpResponse<String> ping = send("GET", app + "api/ping/user", "Bearer " + token);
        assertOk(ping);
        assertEquals("{\"pong\":true}", ping.body());
        assertOk(send("GET", app + "api/ping", "Bearer " + token));
        assertOk(send("GET", app + "api/ping/user", "bearer " + token)); // the scheme is case-insensitive

        HttpResponse<String> renewed = send("POST", app + "api/wechat/tokens", "Bearer " + token);
        assertIssued(renewed);
        String second = json(renewed).getString("access_token");
        assertNotEquals(token, second);
        assertEquals("alice", json(send("GET", app + "api/me", "Bearer " + second)).getString("user"), "a token may be had with a token");
    }

    /**
     * JSON-B, not Jackson, on WildFly too (web.xml: {@code resteasy.preferJacksonOverJsonB=false};
     * Flyway's Jackson annotations would switch RESTEasy to Jackson): dates are ISO strings, and a
     * null field (a binding never used to log in) is left out, not written as null.
     */
    @Test
    void meWhenReadWithTokenThenDatesAreStringsAndNullFieldsAbsent() {
        SimControl.SimPersonInfo person = bindNewPerson("bob", "bob-password");
        WeChatBrowser bob = new WeChatBrowser(person.id());
        assertCaller(bob.open(app + "app/").last(), "bob");
        String token = issueWithSession(bob).getString("access_token");
        String openId = person.openIdFor(ItSupport.APP_ID);
        assertEquals(1, ItSupport.update("update wxbind_wechat_openid set last_login_at = null where app_id = ? and open_id = ?",
                ItSupport.APP_ID, openId));
        long id = ItSupport.count("select id from wxbind_wechat_openid where app_id = ? and open_id = ?", ItSupport.APP_ID, openId);

        HttpResponse<String> me = send("GET", app + "api/me", "Bearer " + token);
        assertOk(me);
        assertFalse(me.body().replace(" ", "").contains(":null"), me.body());
        JsonObject binding = json(me).getJsonArray("bindings").getValuesAs(JsonObject.class).stream()
                .filter(b -> b.getJsonNumber("id").longValue() == id).findFirst().orElseThrow(() -> new AssertionError(me.body()));
        Instant.parse(binding.getString("boundAt"));
        Instant.parse(json(me).getString("loggedInAt"));
        assertFalse(binding.containsKey("lastLoginAt"), binding.toString());
    }

    @Test
    void bearerWhenSentWithASessionCookieThenTheTokenDecides() {
        String bobToken = issueWithSession(loggedIn("bob", "bob-password")).getString("access_token");
        String cookie = sessionCookie(alice);
        HttpResponse<String> asBob = send(HttpRequest.newBuilder(URI.create(app + "api/me")).header("Cookie", cookie)
                .header("Authorization", "Bearer " + bobToken).GET());
        assertOk(asBob);
        assertEquals("bob", json(asBob).getString("user"));
        assertEquals("API_TOKEN", json(asBob).getString("loginMethod"));
        HttpResponse<String> bad = send(HttpRequest.newBuilder(URI.create(app + "api/me")).header("Cookie", cookie)
                .header("Authorization", "Bearer " + "A".repeat(43)).GET());
        assertInvalidToken(bad, "not valid");
        HttpResponse<String> sessionOnly = send(HttpRequest.newBuilder(URI.create(app + "api/me")).header("Cookie", cookie).GET());
        assertEquals(200, sessionOnly.statusCode(), sessionOnly.body());
        assertEquals("alice", json(sessionOnly).getString("user"), "the session itself is untouched");
    }

    @Test
    void requestWhenNoTokenOrOtherSchemeThen401NotAuthenticatedOnProtectedPathsOnly() {
        for (String auth : new String[] {null, "Basic YWxpY2U6YWxpY2UtcGFzc3dvcmQ=", "Digest username=\"alice\"", "Bearertoken"}) {
            HttpResponse<String> ping = send("GET", app + "api/ping/user", auth);
            assertJsonError(ping, 401, "not_authenticated");
            assertTrue(ping.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), ping.headers().toString());
            assertOk(send("GET", app + "api/ping", auth));
            assertJsonError(send("POST", app + "api/wechat/tokens", auth), 401, "not_authenticated");
        }
    }

    @Test
    void requestWhenTokenGarbledOrUnknownThen401InvalidTokenEvenOnOpenPaths() {
        Map<String, String> bad = Map.of("Bearer", "malformed", "Bearer abc", "malformed", "Bearer " + "A".repeat(42) + "=", "malformed",
                "Bearer " + "x".repeat(5000), "malformed", "Bearer " + ApiTokenFormat.hash("x"), "malformed", "Bearer %00%FF", "malformed",
                "Bearer " + "A".repeat(43), "never issued");
        bad.forEach((auth, message) -> {
            for (String path : new String[] {"api/ping/user", "api/ping", "api/me", "app/", "wechat/login", "no/such/page"}) {
                assertInvalidToken(send("GET", app + path, auth), message);
            }
            assertInvalidToken(send("POST", app + "api/wechat/tokens", auth), message);
            assertInvalidToken(send("DELETE", app + "api/wechat/tokens/current", auth), message);
        });
    }

    @Test
    void tokenWhenSentInTheQueryStringThenIgnored() {
        String token = issueWithSession(alice).getString("access_token");
        assertJsonError(send("GET", app + "api/ping/user?access_token=" + token, null), 401, "not_authenticated");
        HttpResponse<String> me = send("GET", app + "api/me?access_token=" + token, null);
        assertJsonError(me, 401, "not_authenticated");
        assertOk(send("GET", app + "api/ping/user", "Bearer " + token));
    }

    @Test
    void revokeWhenCurrentTokenDeletedThen401AfterwardsAndSessionGets400() {
        String token = issueWithSession(alice).getString("access_token");
        String other = issueWithSession(alice).getString("access_token");
        assertOk(send("GET", app + "api/ping/user", "Bearer " + token)); // now in this node's cache
        HttpResponse<String> revoked = send("DELETE", app + "api/wechat/tokens/current", "Bearer " + token);
        assertEquals(204, revoked.statusCode(), revoked.body());
        assertNoSessionCookie(revoked);
        assertInvalidToken(send("GET", app + "api/ping/user", "Bearer " + token), "not valid");
        assertInvalidToken(send("GET", app + "api/me", "Bearer " + token), "not valid");
        assertInvalidToken(send("DELETE", app + "api/wechat/tokens/current", "Bearer " + token), "not valid");
        assertOk(send("GET", app + "api/ping/user", "Bearer " + other));

        WeChatBrowser.Page withSession = alice.send("DELETE", app + "api/wechat/tokens/current");
        assertEquals(400, withSession.status(), withSession.body());
        assertTrue(withSession.contentType().startsWith("application/json"), withSession.contentType());
        assertTrue(withSession.body().contains("\"error\":\"no_bearer_token\"") && withSession.body().contains("DELETE /api/wechat/tokens"),
                withSession.body());
    }

    @Test
    void revokeAllWhenCalledThenEveryTokenOfTheCallerRefused() {
        WeChatBrowser bob = loggedIn("bob", "bob-password");
        String first = issueWithSession(bob).getString("access_token");
        String second = issueWithSession(bob).getString("access_token");
        String alices = issueWithSession(alice).getString("access_token");
        assertOk(send("GET", app + "api/ping/user", "Bearer " + first));
        HttpResponse<String> all = send("DELETE", app + "api/wechat/tokens", "Bearer " + second);
        assertEquals(204, all.statusCode(), all.body());
        assertInvalidToken(send("GET", app + "api/ping/user", "Bearer " + first), "not valid");
        assertInvalidToken(send("GET", app + "api/ping/user", "Bearer " + second), "not valid");
        assertOk(send("GET", app + "api/ping/user", "Bearer " + alices));
        assertEquals(200, bob.get(app + "api/me").status(), "the session stays logged in");
    }

    @Test
    void tokenWhenExpiredInTheDatabaseThen401Expired() {
        String token = issueWithSession(alice).getString("access_token");
        assertEquals(1, ItSupport.update("update wxbind_api_token set expires_at = now() - interval '1 second' where token_hash = ?",
                ApiTokenFormat.hash(token)));
        assertInvalidToken(send("GET", app + "api/ping/user", "Bearer " + token), EXPIRED_OR_PURGED);
    }

    @Test
    void tokenWhenUsedOnAnotherNodeThenValidThereAndShortLivedOneExpiresOnBothNodes() throws Exception {
        String other = stack().startExtraAppNode("short-tokens", Map.of("wxbind.api-token.ttl-seconds", String.valueOf(SHORT_TTL),
                "wxbind.api-token.cache-seconds", "60")).url("/wxbind/");
        String mainToken = issueWithSession(alice).getString("access_token");
        HttpResponse<String> elsewhere = send("GET", other + "api/me", "Bearer " + mainToken);
        assertOk(elsewhere);
        assertEquals("alice", json(elsewhere).getString("user"));
        assertOk(send("GET", other + "api/ping/user", "Bearer " + mainToken));

        long issuedAt = System.nanoTime();
        HttpResponse<String> shortOne = send("POST", other + "api/wechat/tokens", "Bearer " + mainToken);
        assertIssued(shortOne);
        assertEquals(SHORT_TTL, json(shortOne).getInt("expires_in"));
        String shortToken = json(shortOne).getString("access_token");
        assertOk(send("GET", other + "api/ping/user", "Bearer " + shortToken)); // cached there for up to 60 s ...
        assertOk(send("GET", app + "api/ping/user", "Bearer " + shortToken));

        Thread.sleep(Math.max(0, Duration.ofSeconds(SHORT_TTL + 1).toMillis() - (System.nanoTime() - issuedAt) / 1_000_000));
        // ... but never past expiry. (The minute's purge may have deleted the row already: then it is "not valid".)
        assertInvalidToken(send("GET", other + "api/ping/user", "Bearer " + shortToken), EXPIRED_OR_PURGED);
        assertInvalidToken(send("GET", app + "api/ping/user", "Bearer " + shortToken), EXPIRED_OR_PURGED);

        assertEquals(204, send("DELETE", other + "api/wechat/tokens/current", "Bearer " + mainToken).statusCode());
        assertInvalidToken(send("GET", other + "api/ping/user", "Bearer " + mainToken), "not valid");
    }

    // --- steps -------------------------------------------------------------------------------

    private static WeChatBrowser loggedIn(String account, String password) {
        WeChatBrowser b = new WeChatBrowser(bindNewPerson(account, password).id());
        WeChatBrowser.Chain in = b.open(app + "app/");
        assertEquals(200, in.last().status(), in.toString());
        assertCaller(in.last(), account);
        return b;
    }

    private static JsonObject issueWithSession(WeChatBrowser browser) {
        WeChatBrowser.Page page = browser.post(app + "api/wechat/tokens", Map.of());
        assertEquals(201, page.status(), page.body());
        assertTrue(page.contentType().startsWith("application/json"), page.contentType());
        JsonObject body = Json.createReader(new StringReader(page.body())).readObject();
        assertTrue(body.getString("access_token").matches("[A-Za-z0-9_-]{43}"), "base64url of 32 bytes, no padding");
        return body;
    }

    private static String sessionCookie(WeChatBrowser browser) {
        return browser.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equalsIgnoreCase("JSESSIONID"))
                .map(HttpCookie::toString).findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }

    private HttpResponse<String> send(String method, String url, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return JsonApi.send(request);
    }

    private static JsonObject json(HttpResponse<String> r) {
        return JsonApi.json(r);
    }

    /** 200, and the bearer request left no session behind. */
    private static void assertOk(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.request().uri() + ": " + r.body());
        assertNoSessionCookie(r);
    }

    private static void assertIssued(HttpResponse<String> r) {
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
        assertNoSessionCookie(r);
    }

    private static void assertNoSessionCookie(HttpResponse<String> r) {
        assertFalse(r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.toUpperCase().startsWith("JSESSIONID")),
                r.request().uri() + " created a session: " + r.headers().allValues("Set-Cookie"));
    }

    private static void assertJsonError(HttpResponse<String> r, int status, String error) {
        assertEquals(status, r.statusCode(), r.request().uri() + ": " + r.body());
        assertEquals(error, json(r).getString("error"), r.body());
        assertFalse(json(r).getString("message").isBlank());
    }

    private static void assertInvalidToken(HttpResponse<String> r, String messagePart) {
        assertJsonError(r, 401, "invalid_token");
        assertEquals("Bearer realm=\"wxbind\", error=\"invalid_token\"", r.headers().firstValue("WWW-Authenticate").orElse(null), r.request().uri().toString());
        assertTrue(Pattern.compile(messagePart).matcher(json(r).getString("message")).find(), r.body());
        assertNoSessionCookie(r);
    }
}
