package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.assertProblemPage;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.count;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import io.wxbind.util.SecureTokens;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, point 7: an anonymous caller costs no row. Starting a login keeps the pending
 * authorization in a signed, browser-bound cookie; the state is recorded once, when a callback
 * whose code WeChat accepted arrives. So 200 anonymous page views write nothing, a replayed
 * callback is refused, and a state from another browser is refused even with its cookie.
 */
class AnonymousCostIT {

    private static final Logger LOG = Logger.getLogger(AnonymousCostIT.class.getName());
    private static final String EXCHANGE = "/api/sns/oauth2/access_token";
    private static final int VIEWS = 200;
    private static String app;

    @BeforeAll
    static void stackUp() {
        app = stack().appUrl();
    }

    @Test
    void anonymousViewsWhen200ThenEachRedirectsToWeChatAndNoTableGrows() throws Exception {
        // No cookie jar: every request is a new visitor, as a crawler or an attacker would be.
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String authorize = stack().simulatorOpenUrl() + "/connect/oauth2/authorize?appid=" + APP_ID + "&redirect_uri=";
        Map<String, Long> before = rowCounts();
        Set<String> states = new HashSet<>();
        for (int i = 0; i < VIEWS; i++) {
            String path = i % 4 == 3 ? "wechat/login?returnTo=%2Fwxbind%2Fapp%2F" : "app/orders?id=" + i;
            HttpResponse<String> r = get(http, app + path);
            assertEquals(302, r.statusCode(), path);
            String location = r.headers().firstValue("Location").orElse("");
            assertTrue(location.startsWith(authorize) && location.endsWith("#wechat_redirect"), location);
            states.add(location.replaceAll(".*[?&]state=([A-Za-z0-9]+).*", "$1"));
            String pending = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("WXBIND_STATE_")).findFirst()
                    .orElseThrow(() -> new AssertionError("no pending-login cookie: " + r.headers().map()));
            assertTrue(pending.contains("Path=/wxbind/wechat/callback") && pending.contains("HttpOnly")
                    && pending.contains("SameSite=Lax") && !pending.contains("Max-Age"), pending);
            assertTrue(pending.length() < 600, pending.length() + " characters: " + pending);
        }
        Map<String, Long> after = rowCounts();
        assertEquals(VIEWS, states.size(), "a fresh state per view");
        long grown = 0;
        for (Map.Entry<String, Long> table : before.entrySet()) {
            long added = after.get(table.getKey()) - table.getValue();
            assertTrue(added <= 0, table.getKey() + " grew by " + added);
            grown += Math.max(0, added);
        }
        assertTrue(before.containsKey("wxbind_used_state"), "counted: " + before.keySet());
        String figure = VIEWS + " anonymous page views: " + VIEWS + " redirects to WeChat, " + grown + " new rows in "
                + before.size() + " wxbind_ tables";
        LOG.info(figure);
        System.out.println("AnonymousCostIT: " + figure);
    }

    @io.wxbind.it.support.Hostile
    @Test
    void callbackWhenStateReplayedWithSecondCodeThenRefusedWithoutSecondExchange() {
        SimControl.SimPersonInfo p = sim().newPerson("Tang Replay");
        WeChatBrowser tab = new WeChatBrowser(p.id());
        String authorize = tab.get(app + "app/").location();
        String state = authorize.replaceAll(".*[?&]state=([A-Za-z0-9]+).*", "$1");
        WeChatBrowser copy = new WeChatBrowser(p.id());
        copyCookies(tab, copy, c -> true); // the same browser again: its cookies, pending login included

        String firstCallback = tab.get(authorize).location();
        WeChatBrowser.Page first = tab.get(firstCallback);
        assertEquals(302, first.status(), first.body());
        assertTrue(first.location().contains("/wechat/bind?ticket="), first.location());
        long exchanges = sim().calls(EXCHANGE);

        String secondCallback = copy.get(authorize).location(); // WeChat gives the same state a second code
        assertNotEquals(codeOf(firstCallback), codeOf(secondCallback));
        assertProblemPage(copy.get(secondCallback), 400, "authorization_request_not_found");
        assertEquals(exchanges, sim().calls(EXCHANGE), "the replay never reached WeChat");
        assertEquals(1, count("select count(*) from wxbind_used_state where state_hash = ?", SecureTokens.sha256Hex(state)));
        assertNull(boundAccount(APP_ID, p.openIdFor(APP_ID)));
    }

    @io.wxbind.it.support.Hostile
    @Test
    void callbackWhenStateFromAnotherBrowserThenMismatchEvenWithItsCookieAndNothingWritten() {
        SimControl.SimPersonInfo p = sim().newPerson("Gao Victim");
        WeChatBrowser attacker = new WeChatBrowser(p.id());
        String authorize = attacker.get(app + "app/").location();
        WeChatBrowser victim = new WeChatBrowser(p.id());
        victim.get(app + "app/"); // the victim has a browser cookie and a pending login of its own
        long exchanges = sim().calls(EXCHANGE);
        long used = count("select count(*) from wxbind_used_state");

        assertProblemPage(victim.open(authorize).last(), 403, "state_mismatch");
        // The attacker's pending-login cookie planted too: it is bound to the attacker's browser cookie.
        copyCookies(attacker, victim, c -> c.getName().startsWith("WXBIND_STATE_"));
        assertProblemPage(victim.open(authorize).last(), 403, "state_mismatch");

        assertEquals(exchanges, sim().calls(EXCHANGE), "no code was exchanged");
        assertEquals(used, count("select count(*) from wxbind_used_state"));
        assertNull(boundAccount(APP_ID, p.openIdFor(APP_ID)));
    }

    @Test
    void callbacksWhenSeveralTabsStartedThenEachCompletesInAnyOrder() {
        SimControl.SimPersonInfo p = sim().newPerson("Lu Tabs");
        WeChatBrowser b = new WeChatBrowser(p.id());
        List<String> authorizeUrls = new ArrayList<>();
        for (String page : List.of("app/a", "app/b", "app/c")) {
            authorizeUrls.add(b.get(app + page).location());
        }
        for (int i : new int[] {2, 0, 1}) {
            WeChatBrowser.Page callback = b.get(b.get(authorizeUrls.get(i)).location());
            assertEquals(302, callback.status(), "tab " + i + ": " + callback.body());
            assertTrue(callback.location().contains("/wechat/bind?ticket="), "tab " + i + ": " + callback.location());
        }
    }

    @Test
    void callbackWhenStartedOnOneNodeThenAnotherNodeFinishesIt() {
        // The "register" node shares the database and the app secret (so the state key), not the memory.
        String other = stack().startExtraNode("register", Map.of("wechat.first-login", "register")).url("/wxbind/");
        SimControl.SimPersonInfo p = bindNewPerson("bob", "bob-password");
        WeChatBrowser b = new WeChatBrowser(p.id());
        String callback = b.get(b.get(app + "app/").location()).location();
        assertTrue(callback.startsWith(app + "wechat/callback?"), callback);
        WeChatBrowser.Page done = b.get(other + callback.substring(app.length()));
        assertEquals(302, done.status(), done.body());
        assertTrue(done.location().endsWith("/wxbind/app/"), done.location());
        assertCaller(b.get(other + "app/"), "bob");
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void copyCookies(WeChatBrowser from, WeChatBrowser to, Predicate<HttpCookie> which) {
        URI site = URI.create(app);
        from.cookies().getCookieStore().getCookies().stream().filter(which)
                .forEach(c -> to.cookies().getCookieStore().add(site, (HttpCookie) c.clone()));
    }

    private static String codeOf(String callbackUrl) {
        return callbackUrl.replaceAll(".*[?&]code=([^&]+).*", "$1");
    }

    /** Rows per wxbind_ table of the app's schema. */
    private static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = stack().database().connect()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name like 'wxbind\\_%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
