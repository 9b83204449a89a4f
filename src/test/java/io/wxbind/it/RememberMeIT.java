package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static io.wxbind.it.support.ItSupport.submitBind;
import static io.wxbind.it.support.ItSupport.ticketFromBindPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A login survives its node: two app nodes on one PostgreSQL, no shared sessions. A browser that
 * logged in on node A keeps only its remember-me cookie (no session cookie) and is logged in on
 * node B as the same caller; after a change that rotates the account's security stamp (unbind on
 * B), node A refuses that cookie within {@code wxbind.security-stamp.cache-seconds}. Logout
 * deletes the browser's token; an expired or forged cookie is refused and cleared; a bearer
 * request neither gets a remember-me cookie nor is decided by one. Each case has its own account.
 * On Payara Micro, and in failsafe's {@code wildfly} pass on two WildFly nodes (the
 * {@code @RememberMe} interceptor on Weld and Elytron).
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class RememberMeIT {

    private static final String COOKIE = "WXBIND_REMEMBER_ME";
    /** The stamp cache time (the default), plus slack for a loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5 + 5);
    private static final String PASSWORD = "alice-password";
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    private static String nodeA;
    private static String nodeB;

    /** A WeChat login on node A: the account, its bound person, the browser and its remember-me token. */
    private record Login(String account, SimControl.SimPersonInfo person, WeChatBrowser browser, String token) {
    }

    @BeforeAll
    static void twoNodes() {
        nodeA = stack().appUrl();
        nodeB = stack().startExtraAppNode("stamp-b", Map.of()).url("/wxbind/"); // the same second node as RevocationIT
    }

    @io.wxbind.it.support.Hostile
    @Test
    void weChatLoginWhenOnNodeAThenTheCookieAloneLogsInOnNodeBUntilUnbindOnBMakesNodeARefuseIt() {
        Login login = weChatLoginOnA();
        String header = rememberMeHeader(login.browser());
        String lower = header.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("httponly"), header);
        assertTrue(lower.contains("max-age=1209600"), "14 days by default: " + header);
        assertTrue(lower.contains("path=/wxbind"), header);
        assertFalse(lower.contains("secure"), "the test stack is plain http: " + header);
        assertEquals(1, ItSupport.count("select count(*) from wxbind_remember_me where caller = ? and token_hash = ?", login.account(),
                sha256(login.token())), "the row holds the token's SHA-256");
        assertEquals(0, ItSupport.count("select count(*) from wxbind_remember_me where token_hash = ?", login.token()),
                "never the token itself");

        WeChatBrowser onB = cookieOnly(nodeB, login.token());
        WeChatBrowser.Page page = onB.get(nodeB + "app/");
        assertEquals(200, page.status(), "no session cookie, another node: " + page.body());
        assertCaller(page, login.account());
        JsonObject me = me(onB, nodeB);
        assertEquals(login.account(), me.getString("user"));
        assertEquals("WECHAT", me.getString("loginMethod"), "the remembered login keeps its method");
        assertEquals(200, onB.get(nodeB + "api/ping/user").status(), "the role comes with it");
        assertTrue(rememberMeHeaders(onB).isEmpty(), "a remembered request issues no new token: " + onB.setCookieHeaders());
        WeChatBrowser onA = cookieOnly(nodeA, login.token()); // node A after a restart: its session is gone
        assertEquals(login.account(), me(onA, nodeA).getString("user"));

        JsonObject binding = Json.createReader(new StringReader(onB.get(nodeB + "api/me/bindings").body())).readArray().getJsonObject(0);
        WeChatBrowser.Page unbound = onB.sendJson("DELETE", nodeB + "api/me/bindings/" + binding.getInt("id"), null);
        assertEquals(204, unbound.status(), unbound.body());
        assertEquals(401, onB.get(nodeB + "api/me").status(), "at once on the node that made the change");
        long started = System.nanoTime();
        awaitTrue("node A refuses the cookie", () -> cookieOnly(nodeA, login.token()).get(nodeA + "api/ping/user").status() == 401);
        System.out.printf("remember-me figures: %s's cookie refused on the other node after %d ms%n", login.account(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        assertEquals(0, ItSupport.count("select count(*) from wxbind_remember_me where caller = ?", login.account()),
                "the stamp change deleted the account's tokens");
        assertEquals(null, boundAccount(APP_ID, login.person().openIdFor(APP_ID)));
    }

    @Test
    void passwordBindWhenItLogsInThenTheCookieIsIssuedAndWorksOnTheOtherNode() {
        String account = newAccount();
        WeChatBrowser b = new WeChatBrowser(sim().newPerson("Binds " + account).id());
        WeChatBrowser.Chain done = submitBind(b, nodeA, ticketFromBindPage(b.open(nodeA + "app/")), account, PASSWORD);
        assertEquals(200, done.last().status(), done.toString());
        String token = tokenOf(rememberMeHeader(b));
        JsonObject me = me(cookieOnly(nodeB, token), nodeB);
        assertEquals(account, me.getString("user"));
        assertEquals("WECHAT_BIND_PASSWORD", me.getString("loginMethod"));
    }

    @Test
    void logoutWhenOnNodeAThenThisBrowsersTokenIsGoneOnBothNodesAndOtherBrowsersStay() {
        Login login = weChatLoginOnA();
        String otherBrowser = secondLogin(login.person());
        WeChatBrowser.Page out = login.browser().sendJson("POST", nodeA + "logout", null);
        assertEquals(303, out.status(), out.body());
        assertTrue(login.browser().setCookieHeaders().stream().anyMatch(RememberMeIT::clearsTheCookie),
                "logout clears the cookie: " + login.browser().setCookieHeaders());
        assertEquals(0, ItSupport.count("select count(*) from wxbind_remember_me where token_hash = ?", sha256(login.token())));
        assertEquals(401, cookieOnly(nodeB, login.token()).get(nodeB + "api/me").status());
        assertEquals(401, cookieOnly(nodeA, login.token()).get(nodeA + "api/me").status());
        assertEquals(login.account(), me(cookieOnly(nodeB, otherBrowser), nodeB).getString("user"), "the other browser stays");
    }

    @io.wxbind.it.support.Hostile
    @Test
    void expiredWhenPastItsTimeThenRefusedAndClearedAndAPageStartsALogin() {
        Login login = weChatLoginOnA();
        assertEquals(1, ItSupport.update("update wxbind_remember_me set expires_at = now() - interval '1 second' where token_hash = ?",
                sha256(login.token())));
        // node A may still hold the row in its cache; the expiry inside it is what counts
        awaitTrue("node A refuses the expired cookie", () -> cookieOnly(nodeA, login.token()).get(nodeA + "api/me").status() == 401);
        WeChatBrowser onB = cookieOnly(nodeB, login.token());
        assertEquals(401, onB.get(nodeB + "api/me").status());
        assertTrue(onB.setCookieHeaders().stream().anyMatch(RememberMeIT::clearsTheCookie), "cleared: " + onB.setCookieHeaders());
        WeChatBrowser.Page page = cookieOnly(nodeB, login.token()).get(nodeB + "app/");
        assertEquals(302, page.status(), "a page starts a new login");
        assertTrue(page.location().contains("/connect/oauth2/authorize"), page.location());
    }

    @io.wxbind.it.support.Hostile
    @Test
    void forgedWhenSentThenRefusedAndClearedWithoutAStackTrace() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String wellFormed = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        for (String forged : List.of(wellFormed, "abc", "x".repeat(500), "%00%27--")) {
            WeChatBrowser b = cookieOnly(nodeB, forged);
            WeChatBrowser.Page me = b.get(nodeB + "api/me");
            assertEquals(401, me.status(), forged + ": " + me.body());
            ItSupport.assertNoStackTrace(me.body());
            assertTrue(b.setCookieHeaders().stream().anyMatch(RememberMeIT::clearsTheCookie), forged + ": " + b.setCookieHeaders());
        }
    }

    @io.wxbind.it.support.Hostile
    @Test
    void bearerWhenUsedThenNoRememberMeCookieAndTheTokenAloneDecides() {
        Login alice = weChatLoginOnA();
        Login bob = weChatLoginOnA();
        WeChatBrowser.Page issued = alice.browser().sendJson("POST", nodeA + "api/wechat/tokens", null);
        assertEquals(201, issued.status(), issued.body());
        String bearer = Json.createReader(new StringReader(issued.body())).readObject().getString("access_token");
        HttpResponse<String> plain = bearer(nodeB + "api/me", bearer, null);
        assertEquals(200, plain.statusCode(), plain.body());
        assertTrue(plain.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(COOKIE)),
                "no remember-me cookie for a bearer request: " + plain.headers().allValues("Set-Cookie"));
        HttpResponse<String> withBobsCookie = bearer(nodeB + "api/me", bearer, bob.token());
        assertEquals(alice.account(), JsonApi.json(withBobsCookie).getString("user"), "the bearer token decides, not the cookie");
        HttpResponse<String> badBearer = bearer(nodeB + "api/me", "not-a-valid-token", bob.token());
        assertEquals(401, badBearer.statusCode(), "a bad bearer token is not rescued by a cookie: " + badBearer.body());
        assertEquals(bob.account(), me(cookieOnly(nodeB, bob.token()), nodeB).getString("user"), "and the cookie was not cleared");
    }

    // --- steps -------------------------------------------------------------------------------

    /** A fresh account bound to a fresh person, then a new browser of that person logs in on node A by WeChat alone. */
    private static Login weChatLoginOnA() {
        String account = newAccount();
        SimControl.SimPersonInfo person = bindNewPerson(account, PASSWORD);
        WeChatBrowser b = new WeChatBrowser(person.id());
        WeChatBrowser.Chain in = b.open(nodeA + "app/");
        assertEquals(200, in.last().status(), in.toString());
        assertCaller(in.last(), account);
        return new Login(account, person, b, tokenOf(rememberMeHeader(b)));
    }

    /** Another browser of the same person logs in on node A; returns its token. */
    private static String secondLogin(SimControl.SimPersonInfo person) {
        WeChatBrowser b = new WeChatBrowser(person.id());
        assertEquals(200, b.open(nodeA + "app/").last().status());
        return tokenOf(rememberMeHeader(b));
    }

    /** A browser holding nothing but this remember-me cookie; its WeChat person is a stranger, so no silent login helps it. */
    private static WeChatBrowser cookieOnly(String node, String token) {
        WeChatBrowser b = new WeChatBrowser(sim().newPerson("Stranger").id());
        HttpCookie cookie = new HttpCookie(COOKIE, token);
        cookie.setPath("/wxbind");
        cookie.setVersion(0);
        b.cookies().getCookieStore().add(URI.create(node), cookie);
        return b;
    }

    private static String rememberMeHeader(WeChatBrowser b) {
        List<String> set = rememberMeHeaders(b).stream().filter(c -> !clearsTheCookie(c)).toList();
        assertEquals(1, set.size(), "one remember-me cookie per login: " + b.setCookieHeaders());
        return set.get(0);
    }

    private static List<String> rememberMeHeaders(WeChatBrowser b) {
        return b.setCookieHeaders().stream().filter(c -> c.startsWith(COOKIE + "=")).toList();
    }

    /** A deletion: {@code Max-Age=0}, or an expiry in 1970 as Payara ({@code 01 Jan}) and Undertow ({@code 01-Jan}) write it. */
    private static boolean clearsTheCookie(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        return header.startsWith(COOKIE + "=") && (lower.contains("max-age=0") || lower.matches(".*expires=thu, 01[ -]jan[ -]1970.*"));
    }

    private static String tokenOf(String header) {
        String value = header.substring(COOKIE.length() + 1, header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
        assertNotEquals("", value);
        return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    private static String newAccount() {
        String name = "remember" + ACCOUNTS.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100_000, 36);
        assertEquals(1, ItSupport.update("insert into wxbind_user_account (username, password_hash, display_name)"
                + " select ?, password_hash, ? from wxbind_user_account where username = 'alice'", name, "Test " + name));
        ItSupport.update("insert into wxbind_user_group (username, group_name) values (?, 'user')", name);
        return name;
    }

    private static JsonObject me(WeChatBrowser b, String node) {
        WeChatBrowser.Page me = b.get(node + "api/me");
        assertEquals(200, me.status(), me.body());
        return Json.createReader(new StringReader(me.body())).readObject();
    }

    private static HttpResponse<String> bearer(String url, String token, String rememberMeCookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET();
        if (rememberMeCookie != null) {
            b.header("Cookie", COOKIE + "=" + rememberMeCookie);
        }
        return JsonApi.send(b);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until {@code condition} holds, at most {@link #WITHIN}. */
    private static void awaitTrue(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.get()) {
            assertTrue(System.nanoTime() < deadline, what + " within " + WITHIN.toSeconds() + " s");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
