package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.assertNoStackTrace;
import static io.wxbind.it.support.ItSupport.assertProblemPage;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.count;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static io.wxbind.it.support.ItSupport.ticketFromBindPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.auth.OriginCheck;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.StateChangingEndpoints;
import io.wxbind.it.support.StateChangingEndpoints.Endpoint;
import io.wxbind.it.support.WeChatBrowser;
import io.wxbind.util.SecureTokens;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CSRF over real HTTP: a logged-in victim's browser sends, on an attacker's page, requests to
 * every state-changing endpoint (found by reading the production classes). Each is refused
 * with 403 and a readable message, and nothing changes in PostgreSQL; the same requests from
 * our own pages still work. Cookie attributes are checked on the wire.
 */
class CsrfIT {

    private static final String EVIL = "https://evil.example";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String BOB_PHONE = "+8613800000002";

    private static String app;
    private static String ourOrigin;

    @BeforeAll
    static void stackUp() {
        app = stack().appUrl();
        URI u = URI.create(app);
        ourOrigin = u.getScheme() + "://" + u.getRawAuthority();
    }

    /** What a browser sends with a request that a page of another site makes. */
    private static Map<String, String> crossSite(String contentType) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Origin", EVIL);
        h.put("Sec-Fetch-Site", "cross-site");
        h.put("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        if (contentType != null) {
            h.put("Content-Type", contentType);
        }
        return h;
    }

    private static Map<String, String> headers(String... nameValue) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            h.put(nameValue[i], nameValue[i + 1]);
        }
        return h;
    }

    /** A bound WeChat user logged in to {@code account} in their own browser, which also showed the account page. */
    private static WeChatBrowser loggedIn(String account, String password) {
        WeChatBrowser b = new WeChatBrowser(bindNewPerson(account, password).id());
        WeChatBrowser.Chain in = b.open(app + "app/");
        assertCaller(in.last(), account);
        return b;
    }

    private static void assertCsrfJson(WeChatBrowser.Page page, String what) {
        assertEquals(403, page.status(), what + ": " + page.body());
        assertTrue(page.contentType().startsWith("application/json"), what + ": " + page.contentType());
        assertTrue(page.body().contains("\"error\":\"csrf\"") && page.body().contains("Nothing was changed."), what + ": " + page.body());
    }

    private static void assertCsrfPage(WeChatBrowser.Page page, String what) {
        assertProblemPage(page, 403, "csrf");
        assertTrue(page.body().contains("This request did not come from this site"), what + ": " + page.body());
    }

    private static void assertRefused(WeChatBrowser.Page page, String path, String what) {
        if (path.startsWith("/api/")) {
            assertCsrfJson(page, what);
        } else {
            assertCsrfPage(page, what);
        }
        assertNoStackTrace(page.body());
    }

    /** The mechanism's own paths act for any method: no POST may ride on the cookies there either. */
    private static final List<Endpoint> MECHANISM = List.of(new Endpoint("POST", "/wechat/callback"), new Endpoint("POST", "/wechat/login"),
            new Endpoint("POST", "/wechat/link"), new Endpoint("POST", "/wechat/qr-login/complete"), new Endpoint("POST", "/wechat/qr-confirm"));

    private static WeChatBrowser victim;

    /** Every state-changing endpoint of the WAR (found in the production classes) and the mechanism's paths; push is signed, not cookie-borne. */
    static List<Endpoint> stateChanging() {
        List<Endpoint> all = new java.util.ArrayList<>(StateChangingEndpoints.scan().stream()
                .filter(e -> !e.path().startsWith(OriginCheck.PUSH_PATH)).sorted().toList());
        all.addAll(MECHANISM);
        return all;
    }

    @Test
    void scanWhenRunThenFindsEveryKnownStateChangingEndpoint() {
        Set<Endpoint> endpoints = StateChangingEndpoints.scan();
        assertTrue(endpoints.containsAll(List.of(new Endpoint("POST", "/api/wechat/tokens"), new Endpoint("DELETE", "/api/wechat/tokens"),
                new Endpoint("DELETE", "/api/wechat/tokens/current"), new Endpoint("POST", "/api/wechat/qr-bindings"),
                new Endpoint("DELETE", "/api/me/bindings/1"), new Endpoint("POST", "/wechat/bind"), new Endpoint("POST", "/wechat/sms/send"),
                new Endpoint("POST", "/logout"), new Endpoint("POST", "/api/me/logout-everywhere"), new Endpoint("POST", "/api/me/password"))),
                "the scan misses known endpoints: " + endpoints);
    }

    @io.wxbind.it.support.Hostile
    @org.junit.jupiter.params.ParameterizedTest(name = "CSRF: {0} cross-site with a logged-in session")
    @org.junit.jupiter.params.provider.MethodSource("stateChanging")
    void endpointWhenCrossSiteWithSessionThen403AndNothingChanged(Endpoint e) {
        if (victim == null) {
            victim = loggedIn("alice", "alice-password");
        }
        // Rows this request could have written (purgers only ever delete expired rows, so counting new ones is stable).
        Timestamp start = Timestamp.from(Instant.now());
        Supplier<String> snapshot = () -> "tokens=" + count("select count(*) from wxbind_api_token where issued_at >= ?", start)
                + " scenes=" + count("select count(*) from wxbind_qr_scene where created_at >= ?", start)
                + " smsSends=" + count("select count(*) from wxbind_sms_send where sent_at >= ?", start)
                + " tickets=" + count("select count(*) from wxbind_bind_ticket where created_at >= ?", start)
                + " " + io.wxbind.it.support.DbState.snapshot();
        String before = snapshot.get();
        if (MECHANISM.contains(e)) {
            assertRefused(victim.raw(e.method(), app + e.path().substring(1), crossSite(FORM), "code=x&state=y&t=z&id=q"), e.path(), e.toString());
        } else {
            if (e.method().equals("POST")) { // a cross-site HTML form can only POST
                assertRefused(victim.raw("POST", app + e.path().substring(1), crossSite(FORM), "a=b"), e.path(), e + " (form)");
            }
            assertRefused(victim.raw(e.method(), app + e.path().substring(1), crossSite(null), null), e.path(), e + " (script)");
        }
        assertEquals(before, snapshot.get(), "a refused request changed the database");
        assertEquals(200, victim.get(app + "api/me").status(), "the victim is still logged in");
    }

    @io.wxbind.it.support.Hostile
    @Test
    void apiWhenOriginVariantsThenOnlyOurOwnOriginIssuesTokens() {
        WeChatBrowser alice = loggedIn("alice", "alice-password");
        String tokens = app + "api/wechat/tokens";
        // Live tokens only: an expired one left by another test is dropped when alice's next token is issued.
        long before = count("select count(*) from wxbind_api_token where caller = 'alice' and expires_at > now()");
        Map<String, Map<String, String>> hostile = new LinkedHashMap<>();
        hostile.put("Origin only, another site", headers("Origin", EVIL));
        hostile.put("Sec-Fetch-Site same-site", headers("Sec-Fetch-Site", "same-site", "Origin", "https://sub.localhost"));
        hostile.put("Origin: null, no token", headers("Origin", "null"));
        hostile.put("no origin headers, no token", headers());
        hostile.put("port mismatch", headers("Origin", "http://localhost:" + (URI.create(app).getPort() + 1)));
        hostile.put("https instead of http", headers("Origin", "https://" + URI.create(app).getRawAuthority()));
        hostile.put("another host name for the same server", headers("Origin", "http://127.0.0.1:" + URI.create(app).getPort()));
        hostile.put("Sec-Fetch-Site wins over a forged-looking Origin", headers("Sec-Fetch-Site", "cross-site", "Origin", ourOrigin));
        hostile.forEach((name, h) -> assertCsrfJson(alice.raw("POST", tokens, h, null), name));
        assertEquals(before, count("select count(*) from wxbind_api_token where caller = 'alice' and expires_at > now()"), "no token issued");

        assertEquals(201, alice.raw("POST", tokens, headers("Sec-Fetch-Site", "same-origin"), null).status(), "our page (Chromium)");
        assertEquals(201, alice.raw("POST", tokens, headers("Origin", ourOrigin), null).status(), "our page (Origin only)");
        String token = alice.formToken(app).orElseThrow(() -> new AssertionError("the account page shows no form token"));
        assertEquals(201, alice.raw("POST", tokens, headers("X-CSRF-Token", token), null).status(), "old browser, token from the page");
        assertEquals(before + 3, count("select count(*) from wxbind_api_token where caller = 'alice' and expires_at > now()"));

        WeChatBrowser.Page text = alice.raw("POST", tokens, headers("Origin", ourOrigin, "Content-Type", "text/plain"), "x");
        assertEquals(415, text.status(), text.body());
        assertTrue(text.body().contains("\"error\":\"unsupported_media_type\"") && text.body().contains("application/json"), text.body());
        assertEquals(before + 3, count("select count(*) from wxbind_api_token where caller = 'alice' and expires_at > now()"), "415: nothing issued");
    }

    @Test
    void apiWhenBearerOrNoCookieThenNotACsrfCase() {
        WeChatBrowser alice = loggedIn("alice", "alice-password");
        WeChatBrowser.Page issued = alice.post(app + "api/wechat/tokens", Map.of());
        assertEquals(201, issued.status(), issued.body());
        String bearer = Json.createReader(new StringReader(issued.body())).readObject().getString("access_token");
        Map<String, String> h = crossSite(null);
        h.put("Authorization", "Bearer " + bearer);
        assertEquals(201, alice.raw("POST", app + "api/wechat/tokens", h, null).status(), "a bearer request is not cookie-authenticated");
        WeChatBrowser stranger = new WeChatBrowser("nobody");
        WeChatBrowser.Page anonymous = stranger.raw("POST", app + "api/wechat/tokens", crossSite(null), null);
        assertEquals(401, anonymous.status(), "no cookie: nothing to forge, the login check answers " + anonymous.body());
    }

    @io.wxbind.it.support.Hostile
    @Test
    void unbindWhenCrossSiteThenBindingStaysAndOurPageScriptStillUnbinds() {
        SimControl.SimPersonInfo p = bindNewPerson("bob", "bob-password");
        WeChatBrowser bob = new WeChatBrowser(p.id());
        assertCaller(bob.open(app + "app/").last(), "bob");
        long id = count("select id from wxbind_wechat_openid where app_id = ? and open_id = ?", APP_ID, p.openIdFor(APP_ID));
        String url = app + "api/me/bindings/" + id;
        assertCsrfJson(bob.raw("DELETE", url, crossSite(null), null), "cross-site DELETE");
        assertCsrfJson(bob.raw("DELETE", url, headers("Origin", "null"), null), "Origin: null without token");
        assertCsrfJson(bob.raw("DELETE", url, headers("X-CSRF-Token", "0".repeat(64)), null), "a guessed token");
        assertEquals("bob", boundAccount(APP_ID, p.openIdFor(APP_ID)), "the binding is still there");

        String token = bob.formToken(app).orElseThrow();
        WeChatBrowser.Page removed = bob.raw("DELETE", url, headers("X-CSRF-Token", token, "Sec-Fetch-Site", "same-origin"), null);
        assertEquals(204, removed.status(), "what wxbind-demo.js sends: " + removed.body());
        assertNull(boundAccount(APP_ID, p.openIdFor(APP_ID)));
    }

    @io.wxbind.it.support.Hostile
    @Test
    void bindFormWhenCrossSiteOrTokenlessThenNothingBoundAndTicketUntouched() {
        SimControl.SimPersonInfo p = sim().newPerson("CSRF bind target");
        WeChatBrowser b = new WeChatBrowser(p.id());
        String ticket = ticketFromBindPage(b.open(app + "app/"));
        String token = b.formToken(app).orElseThrow(() -> new AssertionError("the bind form has no form token"));
        String url = app + "wechat/bind";
        String right = "ticket=" + ticket + "&username=bob&password=bob-password";
        String ticketRow = "select count(*) from wxbind_bind_ticket where ticket_hash = '" + SecureTokens.sha256Hex(ticket)
                + "' and failed_attempts = 0";

        assertCsrfPage(b.raw("POST", url, crossSite(FORM), right), "cross-site, right password");
        assertCsrfPage(b.raw("POST", url, crossSite(FORM), right + "&csrf=" + token), "cross-site even with the token");
        assertCsrfPage(b.raw("POST", url, headers("Origin", ourOrigin, "Content-Type", FORM), right), "our origin, form without token");
        assertCsrfPage(b.raw("POST", url, headers("Content-Type", FORM), right), "no origin headers, no token");
        assertNull(boundAccount(APP_ID, p.openIdFor(APP_ID)), "nothing bound");
        assertEquals(1, count(ticketRow), "the ticket is unused and no attempt was counted");

        WeChatBrowser.Page done = b.raw("POST", url, headers("Content-Type", FORM), right + "&csrf=" + token);
        assertEquals(303, done.status(), "an old browser posting our form with its token: " + done.body());
        assertEquals("bob", boundAccount(APP_ID, p.openIdFor(APP_ID)));
    }

    @io.wxbind.it.support.Hostile
    @Test
    void smsSendWhenCrossSiteThenNoCodeSent() {
        SimControl.SimPersonInfo p = sim().newPerson("CSRF sms target");
        WeChatBrowser b = new WeChatBrowser(p.id());
        String ticket = ticketFromBindPage(b.open(app + "app/"));
        String sends = "select count(*) from wxbind_sms_send where sent_at > now() - interval '1 hour'";
        long before = count(sends);
        String body = "ticket=" + ticket + "&phone=" + BOB_PHONE.replace("+", "%2B");
        assertCsrfPage(b.raw("POST", app + "wechat/sms/send", crossSite(FORM), body), "a cross-site form");
        Map<String, String> fetch = crossSite(FORM);
        fetch.put("Sec-Fetch-Dest", "empty");
        fetch.put("Sec-Fetch-Mode", "cors");
        assertCsrfJson(b.raw("POST", app + "wechat/sms/send", fetch, body), "a cross-site fetch");
        assertEquals(before, count(sends), "no SMS sent");
    }

    @io.wxbind.it.support.Hostile
    @Test
    void logoutWhenCrossSiteThenStillLoggedInAndOurFormLogsOut() {
        WeChatBrowser alice = loggedIn("alice", "alice-password");
        assertCsrfPage(alice.raw("POST", app + "logout", crossSite(FORM), ""), "cross-site logout");
        assertCsrfPage(alice.raw("POST", app + "logout", headers("Origin", ourOrigin, "Content-Type", FORM), ""), "our origin, no token");
        assertEquals(200, alice.get(app + "api/me").status(), "still logged in");
        assertEquals(303, alice.post(app + "logout", Map.of()).status(), "the page's form (Origin and token, as a browser sends it)");
        assertEquals(401, alice.get(app + "api/me").status());
    }

    @Test
    void cookiesWhenSetThenHttpOnlyAndSameSiteLaxAndNotSecureOnHttp() {
        WeChatBrowser b = new WeChatBrowser(bindNewPerson("bob", "bob-password").id());
        assertCaller(b.open(app + "app/").last(), "bob");
        List<String> set = b.setCookieHeaders();
        String browser = set.stream().filter(c -> c.startsWith("WXBIND_BROWSER=")).findFirst()
                .orElseThrow(() -> new AssertionError("no browser cookie in " + set));
        String session = set.stream().filter(c -> c.toUpperCase().startsWith("JSESSIONID=")).reduce((x, y) -> y)
                .orElseThrow(() -> new AssertionError("no session cookie in " + set));
        for (String c : List.of(browser, session)) {
            String lower = c.toLowerCase();
            assertTrue(lower.contains("httponly"), c);
            assertTrue(lower.contains("samesite=lax"), c);
            assertFalse(lower.contains("secure;") || lower.endsWith("secure"), "http test stack, public URL http: " + c);
        }
        assertTrue(browser.contains("Path=/wxbind"), browser);
        System.out.println("CSRF: cookies on the wire: " + browser.replaceAll("=[A-Za-z0-9]{20,}", "=***") + " | "
                + session.replaceAll("=[^;]{8,}", "=***"));
    }
}
