package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.ItSupport;
import io.wxbind.it.support.JsonApi;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import io.wxbind.launch.WxBindStack;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The admin API over real HTTP and PostgreSQL: every endpoint refuses anonymous callers (401
 * JSON) and plain users (403 JSON: here web.xml refuses first, in a host portal {@code AdminRoleCheck}); an administrator (a
 * session or a bearer token of an account in group {@code admin}) finds accounts by name, openid
 * and unionid, unbinds (the account's sessions end), logs an account out everywhere, reads the
 * audit log with filters and pages, and sees each app's server token, push settings and QR codes
 * of today, without a secret. Each of those requests is itself in the audit log.
 */
@Tag("wildfly")
class AdminApiIT {

    private static final String PASSWORD = "alice-password";
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    private static String app;
    private static String admin;
    private static String adminToken;
    private static WeChatBrowser adminSession;
    private static String userToken;
    private static String user;

    @BeforeAll
    static void accounts() {
        app = stack().appUrl();
        admin = newAccount("user", "admin");
        adminSession = sessionOf(bindNewPerson(admin, PASSWORD));
        adminToken = issueToken(adminSession);
        user = newAccount("user");
        userToken = issueToken(sessionOf(bindNewPerson(user, PASSWORD)));
    }

    @Test
    void everyEndpointWhenAnonymousThen401WhenNoAdminThen403() {
        List<String[]> endpoints = List.of(new String[] {"GET", "api/admin/lookup?account=" + user},
                new String[] {"GET", "api/admin/audit"}, new String[] {"GET", "api/admin/wechat/apps"},
                new String[] {"GET", "api/admin/wechat/apps/" + APP_ID}, new String[] {"DELETE", "api/admin/bindings/999999999999"},
                new String[] {"POST", "api/admin/accounts/no-such-account/logout-everywhere"},
                new String[] {"GET", "api/admin/accounts/" + user});
        for (String[] e : endpoints) {
            assertJsonError(call(e[0], e[1], null), 401, null);
            assertJsonError(call(e[0], e[1], userToken), 403, null);
            HttpResponse<String> asAdmin = call(e[0], e[1], adminToken);
            assertTrue(asAdmin.statusCode() != 401 && asAdmin.statusCode() != 403, e[1] + ": " + asAdmin.body());
        }
        assertEquals(200, user(userToken).statusCode(), "a refused user is not logged out");
    }

    @Test
    void lookupWhenByAccountOpenIdOrUnionIdThenTheAccountWithItsBindingsAndEachSearchAudited() {
        String target = newAccount("user");
        SimControl.SimPersonInfo person = bindNewPerson(target, PASSWORD);
        String openId = person.openIdFor(APP_ID);

        JsonObject byAccount = ok(call("GET", "api/admin/lookup?account=" + target, adminToken));
        JsonObject account = byAccount.getJsonArray("accounts").getJsonObject(0);
        assertEquals(target, account.getString("name"));
        assertTrue(account.getBoolean("exists") && account.getBoolean("enabled"));
        assertEquals(List.of("user"), strings(account.getJsonArray("groups")));
        JsonObject binding = account.getJsonArray("bindings").getJsonObject(0);
        assertEquals(openId, binding.getString("openId"));
        assertEquals(APP_ID, binding.getString("appId"));

        JsonObject byOpenId = ok(call("GET", "api/admin/lookup?openId=" + openId, adminToken));
        assertEquals(target, byOpenId.getJsonArray("accounts").getJsonObject(0).getString("name"), "in any app");
        assertEquals(target, ok(call("GET", "api/admin/lookup?openId=" + openId + "&appId=" + APP_ID, adminToken))
                .getJsonArray("accounts").getJsonObject(0).getString("name"));
        assertJsonError(call("GET", "api/admin/lookup?openId=" + openId + "&appId=" + WxBindStack.MOBILE_APP_ID, adminToken), 404,
                "not_found");
        if (binding.get("unionId").getValueType() == JsonValue.ValueType.STRING) {
            assertEquals(target, ok(call("GET", "api/admin/lookup?unionId=" + binding.getString("unionId"), adminToken))
                    .getJsonArray("accounts").getJsonObject(0).getString("name"));
        }
        assertJsonError(call("GET", "api/admin/lookup?unionId=unknownUnionId123", adminToken), 404, "not_found");
        assertJsonError(call("GET", "api/admin/lookup?account=nobody-" + System.nanoTime(), adminToken), 404, "not_found");

        List<Map<String, String>> audit = adminEntries(target);
        assertTrue(audit.stream().anyMatch(e -> e.get("method").equals("lookup_account") && e.get("reason").equals("status_200")), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.get("method").equals("lookup_openid") && openId.startsWith(e.get("short_open_id").substring(0, 4))),
                audit.toString());
    }

    @Test
    void lookupWhenBadQueryThen400JsonWithAMessage() {
        assertJsonError(call("GET", "api/admin/lookup", adminToken), 400, "bad_query");
        assertJsonError(call("GET", "api/admin/lookup?account=a&openId=b", adminToken), 400, "bad_query");
        assertJsonError(call("GET", "api/admin/lookup?openId=" + enc("o' or '1'='1"), adminToken), 400, "bad_openid");
        assertJsonError(call("GET", "api/admin/lookup?unionId=" + "u".repeat(65), adminToken), 400, "bad_unionid");
        assertJsonError(call("GET", "api/admin/lookup?account=" + "a".repeat(129), adminToken), 400, "bad_account");
        assertJsonError(call("GET", "api/admin/lookup?account=a&appId=" + APP_ID, adminToken), 400, "bad_app");
        assertJsonError(call("DELETE", "api/admin/bindings/abc", adminToken), 400, "bad_id");
        assertJsonError(call("DELETE", "api/admin/bindings/999999999999", adminToken), 404, "not_found");
        assertJsonError(call("GET", "api/admin/wechat/apps/wxNOPE", adminToken), 404, "unknown_app");
        assertJsonError(call("GET", "api/admin/wechat/apps/" + enc("wx-<b>"), adminToken), 400, "bad_app");
    }

    @Test
    void unbindWhenByAnAdminSessionThenOriginCheckedBindingGoneSessionsEndedAndAudited() {
        String target = newAccount("user");
        SimControl.SimPersonInfo person = bindNewPerson(target, PASSWORD);
        WeChatBrowser victim = sessionOf(person);
        long id = ok(call("GET", "api/admin/lookup?account=" + target, adminToken)).getJsonArray("accounts").getJsonObject(0)
                .getJsonArray("bindings").getJsonObject(0).getJsonNumber("id").longValue();

        WeChatBrowser.Page crossSite = adminSession.raw("DELETE", app + "api/admin/bindings/" + id, Map.of("Origin", "https://evil.example"), null);
        assertEquals(403, crossSite.status(), crossSite.body());
        assertEquals(target, boundAccount(APP_ID, person.openIdFor(APP_ID)), "a cross-site request changes nothing");

        WeChatBrowser.Page done = adminSession.sendJson("DELETE", app + "api/admin/bindings/" + id, null);
        assertEquals(204, done.status(), done.body());
        assertNull(boundAccount(APP_ID, person.openIdFor(APP_ID)));
        assertEquals(401, victim.get(app + "api/ping/user").status(), "the account's sessions ended");
        assertJsonError(call("DELETE", "api/admin/bindings/" + id, adminToken), 404, "not_found");

        List<Map<String, String>> audit = adminEntries(target);
        assertTrue(audit.stream().anyMatch(e -> e.get("method").equals("unbind") && e.get("reason").equals("status_204")
                && e.get("account").equals(admin) && APP_ID.equals(e.get("app_id"))), audit.toString());
        assertEquals(1, ItSupport.count("select count(*) from wxbind_audit_log where kind = 'UNBOUND' and account = ?", target));
    }

    @Test
    void logoutEverywhereWhenAnAdminAsksThenTheAccountsTokensEndAndTheActionIsAudited() {
        String target = newAccount("user");
        String token = issueToken(sessionOf(bindNewPerson(target, PASSWORD)));
        assertEquals(200, user(token).statusCode());
        assertEquals(204, call("POST", "api/admin/accounts/" + target + "/logout-everywhere", adminToken).statusCode());
        assertEquals(401, user(token).statusCode());
        assertTrue(adminEntries(target).stream().anyMatch(e -> e.get("method").equals("logout_everywhere")
                && e.get("reason").equals("status_204")));
        assertEquals(1, ItSupport.count("select count(*) from wxbind_audit_log where kind = 'REVOKED' and account = ?"
                + " and reason = 'admin_logout_everywhere'", target));
    }

    @Test
    void auditWhenFilteredAndPagedThenOnlyMatchingEntriesNewestFirstWithoutGapsOrRepeats() {
        String target = newAccount("user");
        bindNewPerson(target, PASSWORD);
        for (int i = 0; i < 3; i++) {
            ok(call("GET", "api/admin/lookup?account=" + target, adminToken));
        }
        String base = "api/admin/audit?account=" + target;
        JsonArray all = ok(call("GET", base + "&limit=200", adminToken)).getJsonArray("entries");
        assertTrue(all.size() >= 5, all.toString()); // BOUND, LOGIN, 3 lookups (the audit reads come after)
        List<Long> ids = new ArrayList<>();
        for (JsonValue v : all) {
            JsonObject e = v.asJsonObject();
            assertTrue(target.equals(e.getString("account", null)) || target.equals(e.getString("subject", null)), e.toString());
            ids.add(e.getJsonNumber("id").longValue());
        }
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort((a, b) -> Long.compare(b, a));
        assertEquals(sorted, ids, "newest first");

        List<Long> paged = new ArrayList<>();
        String next = null;
        do {
            JsonObject page = ok(call("GET", base + "&limit=2" + (next == null ? "" : "&before=" + next), adminToken));
            assertTrue(page.getJsonArray("entries").size() <= 2);
            page.getJsonArray("entries").forEach(v -> paged.add(v.asJsonObject().getJsonNumber("id").longValue()));
            next = page.get("next").getValueType() == JsonValue.ValueType.NUMBER ? page.getJsonNumber("next").toString() : null;
        } while (next != null && paged.size() < 400);
        List<Long> pagedUpToAll = paged.stream().filter(id -> id <= ids.get(0)).toList();
        assertEquals(ids, pagedUpToAll, "pages give the same entries, none twice, none missed");
        assertEquals(Set.copyOf(paged).size(), paged.size());

        JsonArray lookups = ok(call("GET", base + "&kind=ADMIN&limit=200", adminToken)).getJsonArray("entries");
        assertTrue(lookups.size() >= 3);
        lookups.forEach(v -> assertEquals("ADMIN", v.asJsonObject().getString("kind")));
        JsonArray bound = ok(call("GET", base + "&kind=bound,login&app=" + APP_ID, adminToken)).getJsonArray("entries");
        assertTrue(bound.size() >= 1);
        Set<String> kinds = new HashSet<>();
        bound.forEach(v -> kinds.add(v.asJsonObject().getString("kind")));
        assertTrue(Set.of("BOUND", "LOGIN").containsAll(kinds), kinds.toString());
        String client = lookups.getJsonObject(0).getString("clientAddress");
        JsonArray fromThere = ok(call("GET", "api/admin/audit?limit=5&client=" + enc(client), adminToken)).getJsonArray("entries");
        fromThere.forEach(v -> assertEquals(client, v.asJsonObject().getString("clientAddress")));
        String future = Instant.now().plusSeconds(3600).toString();
        assertEquals(0, ok(call("GET", base + "&from=" + future, adminToken)).getJsonArray("entries").size());
        JsonArray ranged = ok(call("GET", base + "&limit=200&to=" + future + "&from=2020-01-01T00:00:00Z", adminToken))
                .getJsonArray("entries");
        assertEquals(ids, ranged.stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue()).filter(id -> id <= ids.get(0))
                .toList(), "the range includes them all");

        assertJsonError(call("GET", "api/admin/audit?limit=201", adminToken), 400, "bad_limit");
        assertJsonError(call("GET", "api/admin/audit?kind=DROP_TABLE", adminToken), 400, "bad_kind");
        assertJsonError(call("GET", "api/admin/audit?from=yesterday", adminToken), 400, "bad_time");
        assertJsonError(call("GET", "api/admin/audit?client=" + enc("1' or '1'='1"), adminToken), 400, "bad_client");
        assertJsonError(call("GET", "api/admin/audit?before=-1", adminToken), 400, "bad_before");
        assertTrue(ItSupport.count("select count(*) from wxbind_audit_log where kind = 'ADMIN' and account = ? and method = 'search'"
                + " and subject = ?", admin, target) >= 1, "audit reads are audited too");
    }

    @Test
    void appsWhenAskedThenTokenStatePushAndQrCountPerAppWithoutASecret() {
        JsonObject before = appOf(ok(call("GET", "api/admin/wechat/apps", adminToken)), APP_ID);
        assertEquals("official", before.getString("type"));
        JsonObject token = before.getJsonObject("serverToken");
        assertTrue(token.getBoolean("kept"));
        assertTrue(token.getBoolean("obtained") && token.getBoolean("usable"), token.toString());
        assertTrue(token.getJsonNumber("expiresInSeconds").longValue() > 0);
        assertFalse(token.containsKey("accessToken"));
        assertTrue(before.getJsonObject("push").containsKey("configured"));

        long created = before.getJsonObject("qr").getJsonNumber("createdToday").longValue();
        WeChatBrowser anyone = new WeChatBrowser(sim().newPerson("QR counter").id());
        WeChatBrowser.Page qr = anyone.get(app + "wechat/qr-login?returnTo=%2Fwxbind%2Fapp%2F");
        assertEquals(200, qr.status(), qr.body());
        JsonObject after = ok(call("GET", "api/admin/wechat/apps/" + APP_ID, adminToken));
        assertEquals(created + 1, after.getJsonObject("qr").getJsonNumber("createdToday").longValue(), after.toString());

        String body = call("GET", "api/admin/wechat/apps", adminToken).body();
        for (String secret : List.of(WxBindStack.APP_SECRET, WxBindStack.WEBSITE_APP_SECRET, WxBindStack.MINIPROGRAM_APP_SECRET,
                WxBindStack.MOBILE_APP_SECRET)) {
            assertFalse(body.contains(secret), "no app secret in " + body);
        }
        String current = ItSupport.rows("select access_token from wxbind_app_token where app_id = ?", APP_ID).get(0).get("access_token");
        assertFalse(current != null && body.contains(current), "never the server token");
        assertTrue(adminEntries(null).stream().anyMatch(e -> e.get("method").equals("app") && APP_ID.equals(e.get("app_id"))));
    }

    // ---- helpers ----

    private static JsonObject appOf(JsonObject list, String appId) {
        for (JsonValue v : list.getJsonArray("apps")) {
            if (v.asJsonObject().getString("appId").equals(appId)) {
                return v.asJsonObject();
            }
        }
        throw new AssertionError(appId + " not in " + list);
    }

    /** The ADMIN entries by the admin of this class about {@code subject} (any when null), over JDBC. */
    private static List<Map<String, String>> adminEntries(String subject) {
        return ItSupport.rows("select * from wxbind_audit_log where kind = 'ADMIN' and account = ?"
                + (subject == null ? "" : " and subject = ?") + " order by id", subject == null ? new Object[] {admin} : new Object[] {admin, subject});
    }

    private static String newAccount(String... groups) {
        String name = "adm" + ACCOUNTS.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100_000, 36);
        assertEquals(1, ItSupport.update("insert into wxbind_user_account (username, password_hash, display_name)"
                + " select ?, password_hash, ? from wxbind_user_account where username = 'alice'", name, "Test " + name));
        for (String g : groups) {
            ItSupport.update("insert into wxbind_user_group (username, group_name) values (?, ?)", name, g);
        }
        return name;
    }

    private static WeChatBrowser sessionOf(SimControl.SimPersonInfo person) {
        WeChatBrowser b = new WeChatBrowser(person.id());
        WeChatBrowser.Chain in = b.open(app + "app/");
        assertEquals(200, in.last().status(), in.toString());
        return b;
    }

    private static String issueToken(WeChatBrowser session) {
        WeChatBrowser.Page issued = session.sendJson("POST", app + "api/wechat/tokens", null);
        assertEquals(201, issued.status(), issued.body());
        return Json.createReader(new StringReader(issued.body())).readObject().getString("access_token");
    }

    private static HttpResponse<String> user(String token) {
        return call("GET", "api/ping/user", token);
    }

    private static HttpResponse<String> call(String method, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app + path)).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return JsonApi.send(b);
    }

    private static JsonObject ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.uri() + ": " + r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), r.uri().toString());
        return JsonApi.json(r);
    }

    private static void assertJsonError(HttpResponse<String> r, int status, String error) {
        assertEquals(status, r.statusCode(), r.request().method() + " " + r.uri() + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.uri() + ": " + r.headers());
        JsonObject body = JsonApi.json(r);
        if (error != null) {
            assertEquals(error, body.getString("error"), r.body());
        } else {
            assertNotEquals("", body.getString("error"));
        }
        assertFalse(body.getString("message").isBlank());
    }

    private static List<String> strings(JsonArray a) {
        return a.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
