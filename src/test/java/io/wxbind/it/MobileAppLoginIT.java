package io.wxbind.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.Capture;
import io.wxbind.it.support.ItSupport;
import io.wxbind.it.support.JsonApi;
import io.wxbind.it.support.SimControl;
import io.wxbind.launch.WxBindStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Mobile-app login with the WeChat SDK's code, and one account across a company's apps: a person
 * bound in the mini program opens the mobile app for the first time and is logged in as the same
 * account with no binding step, through the unionid both apps share (protocol §9).
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class MobileAppLoginIT {

    private static final String MINI = WxBindStack.MINIPROGRAM_APP_ID;
    private static final String MOBILE = WxBindStack.MOBILE_APP_ID;
    private static final String EXCHANGE = "/api/sns/oauth2/access_token";

    private static String app;
    private static SimControl sim;

    @BeforeAll
    static void stackUp() {
        app = ItSupport.stack().appUrl();
        sim = ItSupport.sim();
    }

    @Test
    void mobileAppWhenBoundInMiniProgramThenSameAccountWithoutBindingThroughUnionId() {
        SimControl.SimPersonInfo person = sim.newPerson("App 用户");
        JsonObject unbound = JsonApi.json(post("api/wechat/miniprogram/session", MINI, clientCode(MINI, person.id())));
        assertFalse(unbound.getBoolean("bound"), unbound.toString());
        HttpResponse<String> bound = JsonApi.send(json("api/wechat/miniprogram/bind", Json.createObjectBuilder()
                .add("bindTicket", unbound.getString("bindTicket")).add("username", "alice").add("password", "alice-password").build()));
        assertEquals(200, bound.statusCode(), bound.body());

        long exchanges = sim.calls(EXCHANGE, MOBILE);
        HttpResponse<String> first = post("api/wechat/app/session", MOBILE, clientCode(MOBILE, person.id()));
        assertEquals(200, first.statusCode(), first.body());
        JsonObject in = JsonApi.json(first);
        assertTrue(in.getBoolean("bound"), "no binding step in the app: " + in);
        assertEquals("alice", in.getString("caller"));
        assertEquals("alice", me(in.getString("access_token")));
        assertEquals(exchanges + 1, sim.calls(EXCHANGE, MOBILE));
        assertNotEquals(person.openIdFor(MINI), person.openIdFor(MOBILE), "two apps, two openids");
        assertEquals("alice", ItSupport.boundAccount(MOBILE, person.openIdFor(MOBILE)), "the app's openid is now bound too");
        assertTrue(ItSupport.eventually(() -> ItSupport.count("select count(*) from wxbind_audit_log where kind = 'BOUND' and account = ? and app_id = ?",
                "alice", MOBILE) == 1), "the automatic binding is in the audit log, once");
    }

    @Test
    void mobileAppWhenUnknownPersonThenBindTicketAndCodeWorksOnce() {
        SimControl.SimPersonInfo person = sim.newPerson("New App User");
        String code = clientCode(MOBILE, person.id());
        HttpResponse<String> first = post("api/wechat/app/session", MOBILE, code);
        assertEquals(200, first.statusCode(), first.body());
        JsonObject unbound = JsonApi.json(first);
        assertFalse(unbound.getBoolean("bound"));
        assertTrue(unbound.getString("bindTicket").length() > 30);
        assertFalse(first.body().contains("openid") || first.body().contains("access_token"), first.body());

        HttpResponse<String> again = post("api/wechat/app/session", MOBILE, code);
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("code_used", JsonApi.json(again).getString("error"));
        HttpResponse<String> wrongKind = post("api/wechat/app/session", MINI, clientCode(MINI, person.id()));
        assertEquals(400, wrongKind.statusCode(), "a mini program's code on the app endpoint: " + wrongKind.body());
        assertEquals("unknown_app", JsonApi.json(wrongKind).getString("error"));
    }

    @Test
    void registerWhenTheAppAllowsItThenNewAccountWithTypedNicknameBoundByOpenIdAndUnionIdAndMiniProgramLogsInAsIt() {
        SimControl.SimPersonInfo person = sim.newPerson("Register 用户");
        JsonObject unbound = JsonApi.json(post("api/wechat/app/session", MOBILE, clientCode(MOBILE, person.id())));
        assertFalse(unbound.getBoolean("bound"), unbound.toString());
        assertEquals(Json.createArrayBuilder().add("password").add("sms").add("register").build(), unbound.getJsonArray("bindWith"),
                "the mobile app's policy (wechat.app.<appid>.first-login=register) opens the third way");
        String ticket = unbound.getString("bindTicket");
        assertError(JsonApi.send(json("api/wechat/miniprogram/register", Json.createObjectBuilder().add("bindTicket", ticket)
                .add("nickname", "two\nlines").build())), 400, "invalid_nickname");
        assertError(JsonApi.send(json("api/wechat/miniprogram/register", Json.createObjectBuilder().add("bindTicket", ticket)
                .add("nickname", "x".repeat(33)).build())), 400, "invalid_nickname");

        HttpResponse<String> created = JsonApi.send(json("api/wechat/miniprogram/register", Json.createObjectBuilder().add("bindTicket", ticket)
                .add("nickname", "  小明 🙂 ").build()));
        assertEquals(200, created.statusCode(), created.body());
        JsonObject in = JsonApi.json(created);
        Capture.rememberSecret("API token", in.getString("access_token"));
        assertTrue(in.getBoolean("registered"), in.toString());
        String account = in.getString("caller");
        assertTrue(account.matches("wx_[a-z0-9]{10}"), account);
        assertEquals("no-store", created.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(account, me(in.getString("access_token")));
        assertEquals(1, ItSupport.count("select count(*) from wxbind_user_account where username = ? and display_name = ? and password_hash is null",
                account, "小明 🙂"), "the typed nickname, trimmed, is the display name; no password");
        assertEquals(1, ItSupport.count("select count(*) from wxbind_user_group where username = ? and group_name = 'user'", account),
                "the default groups (wechat.default-groups)");
        assertEquals(account, ItSupport.boundAccount(MOBILE, person.openIdFor(MOBILE)));
        assertEquals(1, ItSupport.count("select count(*) from wxbind_wechat_unionid where union_id = ? and account_name = ?",
                person.unionIdFor(WxBindStack.OPEN_PLATFORM), account), "the unionid stands for the new account");
        assertTrue(ItSupport.eventually(() -> ItSupport.count("select count(*) from wxbind_audit_log where kind = 'FIRST_LOGIN' and account = ? and app_id = ?",
                account, MOBILE) == 1 && ItSupport.count("select count(*) from wxbind_audit_log where kind = 'LOGIN' and account = ?"
                + " and method = 'WECHAT_API_REGISTER'", account) == 1), "account creation and login are audited");

        assertError(JsonApi.send(json("api/wechat/miniprogram/register", Json.createObjectBuilder().add("bindTicket", ticket).build())),
                400, "ticket_invalid");
        assertEquals(1, ItSupport.count("select count(*) from wxbind_user_account where display_name = ?", "小明 🙂"), "one account, once");

        JsonObject mini = JsonApi.json(post("api/wechat/miniprogram/session", MINI, clientCode(MINI, person.id())));
        assertTrue(mini.getBoolean("bound"), "the mini program knows the person through the unionid: " + mini);
        assertEquals(account, mini.getString("caller"));
    }

    @Test
    void registerWhenNoNicknameThenDefaultDisplayName() {
        SimControl.SimPersonInfo person = sim.newPerson("Quiet 用户");
        String ticket = JsonApi.json(post("api/wechat/app/session", MOBILE, clientCode(MOBILE, person.id()))).getString("bindTicket");
        HttpResponse<String> created = JsonApi.send(json("api/wechat/miniprogram/register",
                Json.createObjectBuilder().add("bindTicket", ticket).add("nickname", "   ").build()));
        assertEquals(200, created.statusCode(), created.body());
        Capture.rememberSecret("API token", JsonApi.json(created).getString("access_token"));
        assertEquals(1, ItSupport.count("select count(*) from wxbind_user_account where username = ? and display_name = 'WeChat user'",
                JsonApi.json(created).getString("caller")), "never the profile's anonymous nickname: the site's default");
    }

    @Test
    void registerWhenTwoTicketsOfOnePersonRegisterAtOnceThenOneAccountAndBothLoggedInAsIt() throws Exception {
        SimControl.SimPersonInfo person = sim.newPerson("Double Register");
        String nickname = "Twin " + System.nanoTime();
        List<String> tickets = List.of(1, 2).stream().map(i -> JsonApi.json(post("api/wechat/app/session", MOBILE,
                clientCode(MOBILE, person.id()))).getString("bindTicket")).toList();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> both = tickets.stream().map(t -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return JsonApi.send(json("api/wechat/miniprogram/register", Json.createObjectBuilder().add("bindTicket", t)
                    .add("nickname", nickname).build()));
        })).toList();
        start.countDown();
        List<HttpResponse<String>> answers = both.stream().map(CompletableFuture::join).toList();
        for (HttpResponse<String> r : answers) {
            assertEquals(200, r.statusCode(), r.body());
            Capture.rememberSecret("API token", JsonApi.json(r).getString("access_token"));
        }
        String account = ItSupport.boundAccount(MOBILE, person.openIdFor(MOBILE));
        assertEquals(List.of(account, account), answers.stream().map(r -> JsonApi.json(r).getString("caller")).toList(),
                "the second request logs in to the account the first created");
        assertEquals(1, ItSupport.count("select count(*) from wxbind_user_account where display_name = ?", nickname),
                "one account: the loser's was rolled back");
    }

    private static void assertError(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(code, JsonApi.json(r).getString("error"), r.body());
        ItSupport.assertNoStackTrace(r.body());
    }

    private static String clientCode(String appId, String personId) {
        SimControl.Answer answer = sim.send("POST", "/client/login",
                Json.createObjectBuilder().add("appid", appId).add("person", personId).build().toString());
        assertEquals(201, answer.status(), answer.body());
        return answer.json().getString("code");
    }

    private static HttpResponse<String> post(String path, String appId, String code) {
        HttpResponse<String> r = JsonApi.send(json(path, Json.createObjectBuilder().add("appId", appId).add("code", code).build()));
        if (r.statusCode() == 200 && r.body().contains("access_token")) {
            Capture.rememberSecret("API token", JsonApi.json(r).getString("access_token"));
        }
        return r;
    }

    private static HttpRequest.Builder json(String path, JsonObject body) {
        return HttpRequest.newBuilder(URI.create(app + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private static String me(String token) {
        HttpResponse<String> r = JsonApi.send(HttpRequest.newBuilder(URI.create(app + "api/me")).header("Authorization", "Bearer " + token).GET());
        assertEquals(200, r.statusCode(), r.body());
        return JsonApi.json(r).getString("user");
    }
}
