package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.assertNoStackTrace;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.stack;
import static io.wxbind.it.support.ItSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.LogSafe;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log end to end: two WeChat users bind one account through the web flow, log in,
 * take and revoke an API token, log out and unbind; the account then reads {@code GET /api/me/audit}
 * and sees exactly that, with method, app, masked address and user agent, and nothing of another
 * account's. The table itself is read over JDBC: no full openid in any row, no row per bearer request.
 */
class AuditLogIT {

    /** The kinds this test causes; other modules' kinds (REVOKED, SCANNED, ...) may sit between them. */
    private static final Set<String> OURS = Set.of("LOGIN", "BOUND", "UNBOUND", "LOGOUT", "TOKEN_ISSUED", "TOKEN_REVOKED");
    private static final Pattern MASKED = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.x|[0-9a-f:]+/64");

    private static String app;
    private static String origin;
    private static String amy;
    private static String ben;
    private static final List<String> openIds = new ArrayList<>();
    private static WeChatBrowser amyNow;
    private static String benPhone;

    @BeforeAll
    static void amyAndBenWithTheirHistories() {
        app = stack().appUrl();
        URI u = URI.create(app);
        origin = u.getScheme() + "://" + u.getAuthority();
        amy = newAccount("amy");
        ben = newAccount("ben");

        SimControl.SimPersonInfo phone1 = bindNewPerson(amy, "alice-password");
        SimControl.SimPersonInfo phone2 = bindNewPerson(amy, "alice-password");
        openIds.add(phone1.openIdFor(APP_ID));
        openIds.add(phone2.openIdFor(APP_ID));

        WeChatBrowser first = loggedIn(phone1.id(), amy);
        logout(first);

        WeChatBrowser second = loggedIn(phone2.id(), amy);
        String token = json(send(second, "POST", "api/wechat/tokens", null)).getString("access_token");
        long before = rowsOf(amy);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, send(null, "GET", "api/me", token).statusCode());
        }
        assertEquals(before, rowsOf(amy), "a bearer request writes no audit row; only issue and revoke do");
        assertEquals(204, send(null, "DELETE", "api/wechat/tokens/current", token).statusCode());

        assertEquals(204, send(second, "DELETE", "api/me/bindings/" + bindingId(second, phone1), null).statusCode());

        amyNow = loggedIn(phone2.id(), amy); // a fresh session: an unbind may end the older ones
        SimControl.SimPersonInfo phone3 = bindNewPerson(ben, "alice-password");
        openIds.add(phone3.openIdFor(APP_ID));
        benPhone = phone3.id();
    }

    @Test
    void auditWhenReadByTheAccountThenItsHistoryNewestFirstWithMethodAppAddressAndAgent() {
        List<JsonObject> entries = entriesOf(amyNow, "api/me/audit?limit=200");
        List<String> seen = entries.stream().filter(e -> OURS.contains(e.getString("kind")))
                .map(e -> e.getString("kind") + (e.isNull("method") ? "" : " " + e.getString("method"))).toList();
        // the unbind changes the security stamp, which revokes every token of the account (reason "all")
        assertEquals(List.of("LOGIN WECHAT", "TOKEN_REVOKED", "UNBOUND", "TOKEN_REVOKED", "TOKEN_ISSUED", "LOGIN WECHAT", "LOGOUT", "LOGIN WECHAT",
                "LOGIN WECHAT_BIND_PASSWORD", "BOUND", "LOGIN WECHAT_BIND_PASSWORD", "BOUND"), seen);
        for (JsonObject e : entries) {
            assertEquals(Set.of("id", "at", "kind", "app", "method", "reason", "clientAddress", "userAgent"), e.keySet(), e.toString());
            assertTrue(Instant.parse(e.getString("at")).isAfter(Instant.now().minus(Duration.ofMinutes(10))), e.toString());
            if (Set.of("LOGIN", "BOUND", "UNBOUND").contains(e.getString("kind"))) {
                assertEquals(APP_ID, e.getString("app"), e.toString());
            }
            assertTrue(MASKED.matcher(e.getString("clientAddress")).matches(), e.toString());
            assertEquals("Java HTTP client", e.getString("userAgent"), e.toString());
        }
        List<String> revocations = entries.stream().filter(e -> e.getString("kind").equals("TOKEN_REVOKED"))
                .map(e -> e.getString("reason")).toList();
        assertEquals(List.of("all", "current"), revocations);
        Map<String, String> stored = row(entries.get(0).getJsonNumber("id").longValue());
        assertNotEquals(stored.get("client_masked"), stored.get("client_address"), "the table keeps the full address");
        assertEquals(stored.get("client_masked"), entries.get(0).getString("clientAddress"), "the page shows it masked");
    }

    @io.wxbind.it.support.Hostile
    @Test
    void auditWhenAnotherAccountHasEntriesThenNeitherSeesTheOthers() {
        WeChatBrowser benNow = loggedIn(benPhone, ben);
        Set<Long> amys = idsOf(amy);
        Set<Long> bens = idsOf(ben);
        assertTrue(bens.size() >= 3, "ben's bind (BOUND, LOGIN) and login: " + bens);
        assertEquals(amys, ids(entriesOf(amyNow, "api/me/audit?limit=200")), "amy sees all of hers, none of ben's");
        assertEquals(bens, ids(entriesOf(benNow, "api/me/audit?limit=200")), "ben sees all of his, none of amy's");
    }

    @Test
    void auditWhenPagedThenCursorWalksEveryEntryOnce() {
        List<Long> walked = new ArrayList<>();
        String url = "api/me/audit?limit=3";
        for (int pages = 0; pages < 20 && url != null; pages++) {
            JsonObject page = json(send(amyNow, "GET", url, null));
            List<JsonObject> entries = page.getJsonArray("entries").getValuesAs(JsonObject.class);
            assertTrue(entries.size() <= 3);
            entries.forEach(e -> walked.add(e.getJsonNumber("id").longValue()));
            url = page.isNull("next") ? null : "api/me/audit?limit=3&before=" + page.getJsonNumber("next").longValue();
        }
        assertEquals(walked.stream().sorted((a, b) -> Long.compare(b, a)).toList(), walked, "newest first");
        assertEquals(new HashSet<>(walked).size(), walked.size(), "no entry twice");
        assertEquals(idsOf(amy), new HashSet<>(walked));
    }

    @io.wxbind.it.support.Hostile
    @Test
    void auditWhenBadParametersOrNotLoggedInThenJsonErrors() {
        for (String bad : new String[] {"limit=0", "limit=201", "limit=abc", "limit=", "limit=-1", "limit=99999999999999999999"}) {
            assertJsonError(send(amyNow, "GET", "api/me/audit?" + bad, null), 400, "invalid_limit");
        }
        for (String bad : new String[] {"before=0", "before=-5", "before=x", "before=", "before=1e3"}) {
            assertJsonError(send(amyNow, "GET", "api/me/audit?" + bad, null), 400, "invalid_before");
        }
        assertJsonError(send(null, "GET", "api/me/audit", null), 401, "not_authenticated");
        assertJsonError(send(null, "GET", "api/me/audit", "A".repeat(43)), 401, "invalid_token");
        HttpResponse<String> ok = send(amyNow, "GET", "api/me/audit?limit=1", null);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("no-store", ok.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(1, json(ok).getJsonArray("entries").size());
    }

    @Test
    void tableWhenReadDirectlyThenNoFullOpenIdAnywhereAndShortOnesOnBindings() {
        for (String openId : openIds) {
            assertEquals(0, count("select count(*) from wxbind_audit_log a where position(? in a::text) > 0", openId),
                    "full openid in the audit log");
        }
        assertEquals(2, count("select count(*) from wxbind_audit_log where account = ? and kind = 'BOUND' and short_open_id in (?, ?)",
                amy, LogSafe.shortId(openIds.get(0)), LogSafe.shortId(openIds.get(1))));
    }

    @Test
    void serverTokenRefreshWhenDoneByTheTimerThenRecordedWithoutCallerButWithItsNode() throws InterruptedException {
        String where = "kind = 'SERVER_TOKEN_REFRESHED' and app_id = '" + APP_ID + "'";
        // The first tick may run before the simulator is deployed; the next comes within wechat.token.check-interval-seconds (30).
        for (int i = 0; i < 90 && count("select count(*) from wxbind_audit_log where " + where) == 0; i++) {
            Thread.sleep(1000);
        }
        Map<String, String> refreshed = lastRow(where);
        assertEquals(null, refreshed.get("account"));
        assertEquals(null, refreshed.get("client_address"), "a timer thread has no HTTP request");
        assertEquals(null, refreshed.get("user_agent"));
        assertTrue(Set.of("STABLE", "CLASSIC").contains(refreshed.get("method")), refreshed.toString());
        assertFalse(refreshed.get("node").isBlank(), refreshed.toString());
    }

    @Test
    void loginProblemWhenAnonymousThenRefusedEntryWithItsReasonAndNoAccount() {
        long before = count("select count(*) from wxbind_audit_log where kind = 'REFUSED' and account is null");
        WeChatBrowser stranger = new WeChatBrowser(SecureTokens.alphanumeric(8));
        WeChatBrowser.Page page = stranger.get(app + "wechat/callback?state=" + SecureTokens.alphanumeric(32) + "&code=forged");
        assertTrue(page.status() >= 400 && page.status() < 500, page.status() + " " + page.body());
        assertNoStackTrace(page.body());
        assertEquals(before + 1, count("select count(*) from wxbind_audit_log where kind = 'REFUSED' and account is null"));
        Map<String, String> refused = lastRow("kind = 'REFUSED' and account is null");
        assertEquals(page.errorCode(), refused.get("reason"), "the FlowProblem code the page shows");
        assertEquals(APP_ID, refused.get("app_id"));
    }

    // --- the steps ---------------------------------------------------------------------------

    /** A second demo login named {@code prefix_<random>} with alice's password hash and group user. */
    private static String newAccount(String prefix) {
        String name = prefix + "_" + SecureTokens.alphanumeric(8).toLowerCase(Locale.ROOT);
        assertEquals(1, update("insert into wxbind_user_account (username, password_hash, display_name)"
                + " select ?, password_hash, ? from wxbind_user_account where username = 'alice'", name, name));
        update("insert into wxbind_user_group (username, group_name) values (?, 'user')", name);
        return name;
    }

    private static WeChatBrowser loggedIn(String personId, String account) {
        WeChatBrowser b = new WeChatBrowser(personId);
        WeChatBrowser.Chain in = b.open(app + "app/");
        assertEquals(200, in.last().status(), in.toString());
        assertCaller(in.last(), account);
        return b;
    }

    /** The logout form with whatever hidden fields it carries (a form token), posted from our own origin. */
    private static void logout(WeChatBrowser b) {
        WeChatBrowser.Page form = b.get(app + "logout");
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(form.body());
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2));
        }
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> out = send(b, HttpRequest.newBuilder(URI.create(app + "logout"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(303, out.statusCode(), out.body());
    }

    private static long bindingId(WeChatBrowser b, SimControl.SimPersonInfo phone) {
        String shortId = LogSafe.shortId(phone.openIdFor(APP_ID));
        return jsonValue(send(b, "GET", "api/me/bindings", null)).asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("openId").equals(shortId)).mapToLong(o -> o.getJsonNumber("id").longValue()).findFirst()
                .orElseThrow(() -> new AssertionError("no binding " + shortId));
    }

    // --- HTTP and JDBC helpers ---------------------------------------------------------------------------

    /**
     * One request; with {@code browser} its cookies (and, for anything but GET, an {@code Origin} of
     * our own, as a page would send), with {@code bearer} that token and no cookie.
     */
    private static HttpResponse<String> send(WeChatBrowser browser, String method, String path, String bearer) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(app + path)).header("Accept", "application/json");
        if (bearer != null) {
            r.header("Authorization", "Bearer " + bearer);
        }
        if ("POST".equals(method)) {
            r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            r.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(browser, r);
    }

    private static HttpResponse<String> send(WeChatBrowser browser, HttpRequest.Builder request) {
        HttpClient.Builder client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (browser != null) {
            client.cookieHandler(browser.cookies());
            request.header("Origin", origin);
        }
        try {
            return client.build().send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonValue jsonValue(HttpResponse<String> r) {
        assertTrue(r.statusCode() < 300, r.statusCode() + " " + r.body());
        return Json.createReader(new StringReader(r.body())).readValue();
    }

    private static JsonObject json(HttpResponse<String> r) {
        return jsonValue(r).asJsonObject();
    }

    private static List<JsonObject> entriesOf(WeChatBrowser b, String path) {
        return json(send(b, "GET", path, null)).getJsonArray("entries").getValuesAs(JsonObject.class);
    }

    private static Set<Long> ids(List<JsonObject> entries) {
        return entries.stream().map(e -> e.getJsonNumber("id").longValue()).collect(Collectors.toSet());
    }

    private static void assertJsonError(HttpResponse<String> r, int status, String error) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        JsonObject body = Json.createReader(new StringReader(r.body())).readObject();
        assertEquals(error, body.getString("error"), r.body());
        assertFalse(body.getString("message").isBlank());
        assertNoStackTrace(r.body());
    }

    private static long rowsOf(String account) {
        return count("select count(*) from wxbind_audit_log where account = ?", account);
    }

    private static Set<Long> idsOf(String account) {
        return new HashSet<>(query("select id from wxbind_audit_log where account = ?", rs -> rs.getLong(1), account));
    }

    private static Map<String, String> row(long id) {
        return query("select * from wxbind_audit_log where id = ?", AuditLogIT::columns, id).get(0);
    }

    private static Map<String, String> lastRow(String where) {
        return query("select * from wxbind_audit_log where " + where + " order by id desc limit 1", AuditLogIT::columns).get(0);
    }

    private static long count(String sql, Object... args) {
        return query(sql, rs -> rs.getLong(1), args).get(0);
    }

    private static Map<String, String> columns(ResultSet rs) throws SQLException {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
        }
        return row;
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(String sql, RowReader<T> reader, Object... args) {
        try (Connection c = stack().database().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
