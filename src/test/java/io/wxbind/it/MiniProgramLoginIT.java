package io.wxbind.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.Capture;
import io.wxbind.it.support.ItSupport;
import io.wxbind.it.support.JsonApi;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.TestAccounts;
import io.wxbind.launch.WxBindStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Mini-program login against the app and the simulator over real HTTP: {@code wx.login}'s code
 * (made by the simulator's client control, as WeChat's client would) → {@code POST
 * /api/wechat/miniprogram/session} → a bind ticket for a new person, bound by password as JSON,
 * then a bearer token straight away; one code exchanged once even when sent twice at once;
 * WeChat's refusals as clear JSON errors; the session_key never answered.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class MiniProgramLoginIT {

    private static final String MINI = WxBindStack.MINIPROGRAM_APP_ID;
    private static final String EXCHANGE = "/api/sns/jscode2session";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private static String app;
    private static SimControl sim;

    @BeforeAll
    static void stackUp() {
        app = ItSupport.stack().appUrl();
        sim = ItSupport.sim();
    }

    @AfterEach
    void clearLimits() {
        sim.send("DELETE", "/login-limits", null);
        sim.clearFaults(EXCHANGE);
    }

    @Test
    void sessionWhenUnboundThenBindTicketThenPasswordBindThenTokenAndNextLoginDirect() {
        SimControl.SimPersonInfo person = sim.newPerson("小程序 Bob");
        HttpResponse<String> first = session(MINI, wxLogin(person.id()));
        assertEquals(200, first.statusCode(), first.body());
        JsonObject unbound = JsonApi.json(first);
        assertFalse(unbound.getBoolean("bound"), unbound.toString());
        String ticket = unbound.getString("bindTicket");
        assertNoSecretsIn(first);

        HttpResponse<String> wrong = post("api/wechat/miniprogram/bind",
                Json.createObjectBuilder().add("bindTicket", ticket).add("username", "bob").add("password", "not-bobs").build());
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertEquals("wrong_proof", JsonApi.json(wrong).getString("error"));
        HttpResponse<String> bound = post("api/wechat/miniprogram/bind",
                Json.createObjectBuilder().add("bindTicket", ticket).add("username", "bob").add("password", "bob-password").build());
        assertEquals(200, bound.statusCode(), bound.body());
        assertEquals("bob", ItSupport.boundAccount(MINI, person.openIdFor(MINI)), "the mini program's openid is bound to bob");
        assertEquals("bob", me(JsonApi.json(bound).getString("access_token")));
        HttpResponse<String> again = post("api/wechat/miniprogram/bind",
                Json.createObjectBuilder().add("bindTicket", ticket).add("username", "bob").add("password", "bob-password").build());
        assertEquals(400, again.statusCode(), "a bind ticket works once: " + again.body());
        assertEquals("ticket_invalid", JsonApi.json(again).getString("error"));

        long exchanges = sim.calls(EXCHANGE);
        HttpResponse<String> next = session(MINI, wxLogin(person.id()));
        assertEquals(200, next.statusCode(), next.body());
        JsonObject in = JsonApi.json(next);
        assertTrue(in.getBoolean("bound"), in.toString());
        assertEquals("bob", in.getString("caller"));
        assertEquals("Bearer", in.getString("token_type"));
        assertEquals("no-store", next.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("bob", me(in.getString("access_token")));
        assertEquals(exchanges + 1, sim.calls(EXCHANGE), "one WeChat call per login");
        assertNoSecretsIn(next);
        assertEquals(1, ItSupport.count("select count(*) from wxbind_miniprogram_session where app_id = ? and open_id = ?",
                MINI, person.openIdFor(MINI)), "one session_key row, replaced on each login");
    }

    @Test
    void tokenWhenAccountLogsOutEverywhereThenRevokedWithBearerChallengeAndNextWxLoginGetsAWorkingOne() {
        String account = TestAccounts.create(ItSupport.stack().database(), "mpstamp" + System.nanoTime() % 100_000, 1, "stamp-pw-1").get(0);
        SimControl.SimPersonInfo person = sim.newPerson("小程序 Stamp");
        String ticket = JsonApi.json(session(MINI, wxLogin(person.id()))).getString("bindTicket");
        HttpResponse<String> bound = post("api/wechat/miniprogram/bind",
                Json.createObjectBuilder().add("bindTicket", ticket).add("username", account).add("password", "stamp-pw-1").build());
        assertEquals(200, bound.statusCode(), bound.body());
        String token = JsonApi.json(bound).getString("access_token");
        assertEquals(account, me(token));

        HttpResponse<String> out = JsonApi.send(HttpRequest.newBuilder(URI.create(app + "api/me/logout-everywhere"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, out.statusCode(), out.body());
        HttpResponse<String> revoked = JsonApi.send(HttpRequest.newBuilder(URI.create(app + "api/me"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET());
        assertEquals(401, revoked.statusCode(), "the stamp changed: the mini program's token is dead: " + revoked.body());
        assertEquals("Bearer realm=\"wxbind\", error=\"invalid_token\"", revoked.headers().firstValue("WWW-Authenticate").orElse(""));
        assertTrue(revoked.body().startsWith("{\"error\":"), revoked.body());

        JsonObject again = JsonApi.json(session(MINI, wxLogin(person.id())));
        assertTrue(again.getBoolean("bound"), "still bound: the lazy client just logs in again: " + again);
        assertEquals(account, me(again.getString("access_token")));
    }

    @Test
    void bindWhenSmsCodeSentForTheTicketThenBoundByPhone() {
        String account = "mp-sms-" + System.nanoTime();
        String phone = "+86139" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000L);
        ItSupport.update("insert into wxbind_user_account (username, phone, display_name) values (?, ?, ?)", account, phone, "SMS binder");
        SimControl.SimPersonInfo person = sim.newPerson("小程序 SMS");
        JsonObject unbound = JsonApi.json(session(MINI, wxLogin(person.id())));
        String ticket = unbound.getString("bindTicket");
        assertTrue(unbound.getJsonArray("bindWith").toString().contains("sms"), unbound.toString());

        assertEquals(400, post("api/wechat/miniprogram/sms", Json.createObjectBuilder().add("bindTicket", "forged-ticket-" + System.nanoTime())
                .add("phone", phone).build()).statusCode(), "no SMS without a valid ticket");
        int before = inbox(phone).size();
        HttpResponse<String> sent = post("api/wechat/miniprogram/sms", Json.createObjectBuilder().add("bindTicket", ticket).add("phone", phone).build());
        assertEquals(200, sent.statusCode(), sent.body());
        String code = newCode(phone, before);

        HttpResponse<String> bound = post("api/wechat/miniprogram/bind",
                Json.createObjectBuilder().add("bindTicket", ticket).add("phone", phone).add("smsCode", code).build());
        assertEquals(200, bound.statusCode(), bound.body());
        assertEquals(account, JsonApi.json(bound).getString("caller"));
        assertEquals(account, ItSupport.boundAccount(MINI, person.openIdFor(MINI)));
    }

    @Test
    void registerWhenTheMiniProgramBindsOnlyThenRefusedWithStableCodeAndTicketStillBinds() {
        SimControl.SimPersonInfo person = sim.newPerson("小程序 No Register");
        JsonObject unbound = JsonApi.json(session(MINI, wxLogin(person.id())));
        assertEquals(Json.createArrayBuilder().add("password").add("sms").build(), unbound.getJsonArray("bindWith"),
                "the mini program follows wechat.first-login=bind: no register");
        String ticket = unbound.getString("bindTicket");
        HttpResponse<String> refused = post("api/wechat/miniprogram/register",
                Json.createObjectBuilder().add("bindTicket", ticket).add("nickname", "Wants An Account").build());
        assertError(refused, 403, "register_not_allowed");
        assertEquals(0, ItSupport.count("select count(*) from wxbind_user_account where display_name = 'Wants An Account'"));
        assertTrue(ItSupport.eventually(() -> ItSupport.count("select count(*) from wxbind_audit_log where kind = 'REFUSED'"
                + " and reason = 'register_not_allowed' and app_id = ? and method = 'WECHAT_API_REGISTER'", MINI) >= 1), "the refusal is audited");
        HttpResponse<String> wrong = post("api/wechat/miniprogram/bind", Json.createObjectBuilder().add("bindTicket", ticket)
                .add("username", "no-such-user-" + System.nanoTime()).add("password", "whatever").build());
        assertEquals("wrong_proof", JsonApi.json(wrong).getString("error"), "the ticket was not spent: " + wrong.body());
        assertError(post("api/wechat/miniprogram/register", Json.createObjectBuilder().add("nickname", "x").build()), 400, "bind_ticket_missing");
        assertError(post("api/wechat/miniprogram/register", Json.createObjectBuilder().add("bindTicket", "forged-" + System.nanoTime()).build()),
                400, "ticket_invalid");
    }

    /**
     * The per-address limit over HTTP, without a thousand logins: the stack trusts 127.0.0.1 as a
     * proxy, so the test speaks for an address of its own ({@code X-Forwarded-For}) whose earlier
     * claims of this minute are put in the table the app counts (as that many logins would leave them).
     */
    @Test
    void sessionWhenAddressSentTooManyCodesThisMinuteThen429TooManyLoginsAndWeChatNotCalled() {
        String address = "198.51.100." + (1 + (int) (System.nanoTime() % 250));
        int limit = WxBindStack.LOGINS_PER_ADDRESS_PER_MINUTE;
        ItSupport.update("insert into wxbind_used_js_code (code_hash, expires_at, client_key, claimed_at)"
                + " select encode(sha256(convert_to(? || ':' || g || ':' || clock_timestamp(), 'UTF8')), 'hex'),"
                + " now() + interval '6 minutes', ?, now() from generate_series(1, ?) g", address, address, limit - 1);
        try {
            SimControl.SimPersonInfo person = sim.newPerson("Busy Network");
            HttpResponse<String> last = sessionFrom(address, MINI, wxLogin(person.id()));
            assertEquals(200, last.statusCode(), "the " + limit + "th code of the minute is still taken: " + last.body());

            String code = wxLogin(person.id());
            long exchanges = sim.calls(EXCHANGE);
            HttpResponse<String> throttled = sessionFrom(address, MINI, code);
            assertError(throttled, 429, "too_many_logins");
            assertEquals("60", throttled.headers().firstValue("Retry-After").orElse(""), throttled.headers().toString());
            assertEquals(exchanges, sim.calls(EXCHANGE), "WeChat was not called for a throttled code");
            HttpResponse<String> mobile = sessionFromAddress(address, "api/wechat/app/session", WxBindStack.MOBILE_APP_ID, "any-code-123");
            assertError(mobile, 429, "too_many_logins"); // the mobile app's endpoint counts the same claims

            HttpResponse<String> elsewhere = session(MINI, code);
            assertEquals(200, elsewhere.statusCode(), "the throttled code was not spent: " + elsewhere.body());
            assertEquals(exchanges + 1, sim.calls(EXCHANGE));
        } finally {
            ItSupport.update("delete from wxbind_used_js_code where client_key = ?", address);
        }
    }

    private static HttpResponse<String> sessionFrom(String address, String appId, String code) {
        return sessionFromAddress(address, "api/wechat/miniprogram/session", appId, code);
    }

    /** A login as if a trusted proxy forwarded it for {@code address}. */
    private static HttpResponse<String> sessionFromAddress(String address, String path, String appId, String code) {
        return JsonApi.send(HttpRequest.newBuilder(URI.create(app + path)).header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("appId", appId).add("code", code).build().toString())));
    }

    private static List<JsonObject> inbox(String phone) {
        SimControl.Answer answer = sim.send("GET", "/sms?phone=" + java.net.URLEncoder.encode(phone, StandardCharsets.UTF_8), null);
        assertEquals(200, answer.status(), answer.body());
        return answer.json().getJsonArray("messages").getValuesAs(JsonObject.class);
    }

    /** The code of the SMS that arrived after {@code before} messages (the demo's sender is asynchronous). */
    private static String newCode(String phone, int before) {
        List<JsonObject> messages = inbox(phone);
        for (int i = 0; i < 50 && messages.size() <= before; i++) {
            io.wxbind.it.support.CheckLoad.sleep(Duration.ofMillis(100));
            messages = inbox(phone);
        }
        assertTrue(messages.size() > before, "no new SMS in the simulator inbox");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(messages.get(messages.size() - 1).getString("text"));
        assertTrue(m.find(), "no code in the SMS");
        return m.group(1);
    }

    @Test
    void sessionWhenSameCodeTwiceAtOnceThenOneExchangeAndCodeUsedForTheOther() throws Exception {
        SimControl.SimPersonInfo person = sim.newPerson("Double Tap");
        String code = wxLogin(person.id());
        long exchanges = sim.calls(EXCHANGE);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> both = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return session(MINI, code);
        })).toList();
        start.countDown();
        List<Integer> statuses = both.stream().map(f -> f.join().statusCode()).sorted().toList();
        assertEquals(List.of(200, 409), statuses, "one login, one code_used");
        HttpResponse<String> loser = both.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertEquals("code_used", JsonApi.json(loser).getString("error"));
        assertEquals(exchanges + 1, sim.calls(EXCHANGE), "WeChat saw the code once");
    }

    @Test
    void sessionWhenWeChatRefusesThenClearJsonErrorsWithStableCodes() {
        SimControl.SimPersonInfo person = sim.newPerson("Refused Person");
        assertError(session(MINI, "no-such-code"), 400, "invalid_code");
        assertError(session(WxBindStack.WEBSITE_APP_ID, wxLogin(person.id())), 400, "unknown_app");
        assertError(post("api/wechat/miniprogram/session", "{not json"), 400, "bad_request");
        assertError(session(MINI, ""), 400, "code_missing");

        addLimit(Json.createObjectBuilder().add("person", person.id()).add("blocked", true).build());
        assertError(session(MINI, wxLogin(person.id())), 403, "user_blocked");
        sim.send("DELETE", "/login-limits", null);

        addLimit(Json.createObjectBuilder().add("appid", MINI).add("perMinute", 0).build());
        HttpResponse<String> limited = session(MINI, wxLogin(person.id()));
        assertError(limited, 429, "rate_limited");
        assertEquals("60", limited.headers().firstValue("Retry-After").orElse(""), "the client is told when to try again");
        sim.send("DELETE", "/login-limits", null);

        sim.fault(Json.createObjectBuilder().add("path", EXCHANGE).add("errcode", -1).add("count", 1).build());
        HttpResponse<String> busy = session(MINI, wxLogin(person.id()));
        assertError(busy, 503, "wechat_busy");
        assertTrue(busy.headers().firstValue("Retry-After").isPresent());
    }

    private static void assertError(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        JsonObject body = JsonApi.json(r);
        assertEquals(code, body.getString("error"), r.body());
        assertFalse(body.getString("message").isBlank());
        ItSupport.assertNoStackTrace(r.body());
    }

    /** No answer carries WeChat's session_key or the openid. */
    private static void assertNoSecretsIn(HttpResponse<String> r) {
        assertFalse(r.body().contains("session_key") || r.body().contains("sessionKey"), r.body());
        assertFalse(r.body().contains("openid") || r.body().contains("openId"), r.body());
    }

    /** The code {@code wx.login} gives {@code personId} in the mini program (the simulator's client control). */
    static String wxLogin(String personId) {
        SimControl.Answer answer = ItSupport.sim().send("POST", "/client/login",
                Json.createObjectBuilder().add("appid", MINI).add("person", personId).build().toString());
        assertEquals(201, answer.status(), answer.body());
        return answer.json().getString("code");
    }

    private static void addLimit(JsonObject rule) {
        SimControl.Answer answer = sim.send("POST", "/login-limits", rule.toString());
        assertEquals(201, answer.status(), answer.body());
    }

    static HttpResponse<String> session(String appId, String code) {
        return post("api/wechat/miniprogram/session", Json.createObjectBuilder().add("appId", appId).add("code", code).build());
    }

    static HttpResponse<String> post(String path, JsonObject body) {
        return post(path, body.toString());
    }

    /** Any status (a 503 is a right answer here), never a stack trace. */
    private static HttpResponse<String> post(String path, String body) {
        HttpResponse<String> r;
        try {
            r = HTTP.send(HttpRequest.newBuilder(URI.create(ItSupport.stack().appUrl() + path)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ItSupport.assertNoStackTrace(r.body());
        if (r.statusCode() == 200 && r.body().contains("access_token")) {
            Capture.rememberSecret("API token", JsonApi.json(r).getString("access_token"));
        }
        return r;
    }

    private static String me(String token) {
        HttpResponse<String> r = JsonApi.send(HttpRequest.newBuilder(URI.create(app + "api/me")).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET());
        assertEquals(200, r.statusCode(), r.body());
        return JsonApi.json(r).getString("user");
    }
}
