package io.wxbind.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.Capture;
import io.wxbind.it.support.ItSupport;
import io.wxbind.it.support.JsonApi;
import io.wxbind.it.support.SimControl;
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
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A logged-in mini-program user's session check and phone number, over real HTTP against the
 * simulator: {@code GET /api/wechat/miniprogram/session/check} (wxa/checksession with the mini
 * program's server token), {@code POST /api/wechat/miniprogram/phone} by the phone button's code
 * (getuserphonenumber) and by legacy encryptedData (decrypted with the stored session_key); the
 * number lands on the caller's account unless another account has it. Phones of the seeded
 * accounts are put back afterwards; each test makes its own people and numbers.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class MiniProgramPhoneIT {

    private static final String MINI = WxBindStack.MINIPROGRAM_APP_ID;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private static String app;
    private static SimControl sim;
    private static final Map<String, String> SEEDED_PHONES = new LinkedHashMap<>();

    /** A person logged in from the mini program, bound to an account, with its bearer token. */
    private record MiniUser(SimControl.SimPersonInfo person, String token) {
    }

    @BeforeAll
    static void stackUp() {
        app = ItSupport.stack().appUrl();
        sim = ItSupport.sim();
        SEEDED_PHONES.put("alice", phoneOf("alice"));
        SEEDED_PHONES.put("bob", phoneOf("bob"));
    }

    @AfterAll
    static void putPhonesBack() {
        SEEDED_PHONES.keySet().forEach(a -> ItSupport.update("update wxbind_user_account set phone = null where username = ?", a));
        SEEDED_PHONES.forEach((a, phone) -> ItSupport.update("update wxbind_user_account set phone = ? where username = ?", phone, a));
    }

    @Test
    void checkWhenKeyCurrentThenValidWhenRotatedElsewhereThenExpiredWhenNoneThenNoSession() {
        MiniUser user = loginBound("Check Person", "bob", "bob-password");
        long checks = sim.calls("/api/wxa/checksession");
        HttpResponse<String> valid = check(user.token(), MINI);
        assertEquals(200, valid.statusCode(), valid.body());
        assertEquals(Json.createObjectBuilder().add("valid", true).build(), JsonApi.json(valid));
        assertEquals(checks + 1, sim.calls("/api/wxa/checksession"), "asked WeChat, with the mini program's server token");
        assertEquals("no-store", valid.headers().firstValue("Cache-Control").orElse(""));

        exchangeElsewhere(user.person()); // another server's jscode2session: WeChat's key for this user changes
        JsonObject expired = JsonApi.json(check(user.token(), MINI));
        assertFalse(expired.getBoolean("valid"));
        assertEquals("session_key_expired", expired.getString("reason"));

        ItSupport.update("delete from wxbind_miniprogram_session where app_id = ? and open_id = ?", MINI, user.person().openIdFor(MINI));
        JsonObject none = JsonApi.json(check(user.token(), MINI));
        assertEquals("no_session", none.getString("reason"), none.toString());
        assertFalse(none.getBoolean("valid"));

        HttpResponse<String> anonymous = check(null, MINI);
        assertError(anonymous, 401, "not_authenticated");
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer realm=\"wxbind\""), anonymous.headers().toString());
        assertError(check(user.token(), WxBindStack.WEBSITE_APP_ID), 400, "unknown_app");
    }

    @Test
    void phoneByCodeWhenNobodysThenOnCallersAccountWhenAnotherAccountsThenConflictAndNotMoved() {
        MiniUser bob = loginBound("Phone Bob", "bob", "bob-password");
        String number = freshNumber();
        setSimPhone(bob.person(), number);
        HttpResponse<String> verified = phone(bob.token(), Json.createObjectBuilder().add("appId", MINI).add("code", phoneCode(bob.person())).build());
        assertEquals(200, verified.statusCode(), verified.body());
        JsonObject answer = JsonApi.json(verified);
        assertEquals(masked(number), answer.getString("phone"));
        assertTrue(answer.getBoolean("verified"));
        assertFalse(verified.body().contains(number), "the whole number is not answered: " + verified.body());
        assertEquals("+86" + number, phoneOf("bob"), "recorded on the caller's account");
        assertTrue(ItSupport.eventually(() -> ItSupport.count("select count(*) from wxbind_audit_log where kind = 'PHONE_VERIFIED'"
                + " and account = 'bob' and app_id = ? and method = 'phone_code' and reason = ?", MINI, "+86 " + masked(number)) == 1),
                "the verified phone is in the audit log, masked");

        String used = phoneCode(bob.person());
        assertEquals(200, phone(bob.token(), Json.createObjectBuilder().add("appId", MINI).add("code", used).build()).statusCode(),
                "already on the caller's account: same answer");
        assertError(phone(bob.token(), Json.createObjectBuilder().add("appId", MINI).add("code", used).build()), 400, "invalid_code");

        MiniUser alice = loginBound("Phone Alice", "alice", "alice-password");
        String alicesBefore = phoneOf("alice");
        assertError(phone(bob.token(), Json.createObjectBuilder().add("appId", MINI).add("code", phoneCode(alice.person())).build()),
                400, "invalid_code"); // another user's button code: WeChat checks it against the openid
        setSimPhone(alice.person(), number);
        HttpResponse<String> conflict = phone(alice.token(), Json.createObjectBuilder().add("appId", MINI).add("code", phoneCode(alice.person())).build());
        assertError(conflict, 409, "phone_on_other_account");
        assertTrue(JsonApi.json(conflict).getString("message").contains("SMS"), conflict.body());
        assertEquals("+86" + number, phoneOf("bob"), "not moved");
        assertTrue(ItSupport.eventually(() -> ItSupport.count("select count(*) from wxbind_audit_log where kind = 'PHONE_ON_OTHER_ACCOUNT'"
                + " and account = 'alice' and reason = ?", "+86 " + masked(number)) == 1), "the phone offered by another account's person is audited");
        assertEquals(0, ItSupport.count("select count(*) from wxbind_audit_log where concat_ws(' ', reason, method, account, short_open_id)"
                + " like ?", "%" + number + "%"), "no audit entry holds the whole number");
        assertEquals(alicesBefore, phoneOf("alice"));

        HttpResponse<String> anonymous = phone(null, Json.createObjectBuilder().add("appId", MINI).add("code", phoneCode(alice.person())).build());
        assertError(anonymous, 401, "not_authenticated");
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertError(phone(alice.token(), Json.createObjectBuilder().add("appId", MINI).build()), 400, "bad_request");
    }

    @Test
    void phoneByEncryptedDataWhenKeyCurrentThenRecordedWhenLoggedInAgainThenSessionKeyRotated() {
        MiniUser alice = loginBound("Legacy Alice", "alice", "alice-password");
        String number = freshNumber();
        setSimPhone(alice.person(), number);
        JsonObject data = encryptedPhone(alice.person());
        HttpResponse<String> verified = phone(alice.token(), legacy(data));
        assertEquals(200, verified.statusCode(), verified.body());
        assertEquals(masked(number), JsonApi.json(verified).getString("phone"));
        assertEquals("+86" + number, phoneOf("alice"));

        JsonObject before = encryptedPhone(alice.person());
        HttpResponse<String> again = session(wxLogin(alice.person())); // wx.login again: a new session_key
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(JsonApi.json(again).getBoolean("bound"));
        HttpResponse<String> rotated = phone(alice.token(), legacy(before));
        assertError(rotated, 409, "session_key_rotated");
        assertEquals("Log in again (wx.login) and ask for the phone number again.", JsonApi.json(rotated).getString("message"));

        assertError(phone(alice.token(), Json.createObjectBuilder().add("appId", MINI).add("encryptedData", before.getString("encryptedData"))
                .add("iv", "c2hvcnQ=").build()), 400, "bad_encrypted_data");
        assertError(phone(alice.token(), Json.createObjectBuilder().add("appId", MINI).add("encryptedData", "%%%")
                .add("iv", before.getString("iv")).build()), 400, "bad_encrypted_data");
    }

    private static JsonObject legacy(JsonObject data) {
        return Json.createObjectBuilder().add("appId", MINI).add("encryptedData", data.getString("encryptedData")).add("iv", data.getString("iv")).build();
    }

    /** A new person, logged in from the mini program and bound to {@code account} by password: its token. */
    private static MiniUser loginBound(String nickname, String account, String password) {
        SimControl.SimPersonInfo person = sim.newPerson(nickname);
        HttpResponse<String> first = session(wxLogin(person));
        assertEquals(200, first.statusCode(), first.body());
        String ticket = JsonApi.json(first).getString("bindTicket");
        HttpResponse<String> bound = post("api/wechat/miniprogram/bind", null,
                Json.createObjectBuilder().add("bindTicket", ticket).add("username", account).add("password", password).build());
        assertEquals(200, bound.statusCode(), bound.body());
        String token = JsonApi.json(bound).getString("access_token");
        Capture.rememberSecret("API token", token);
        return new MiniUser(person, token);
    }

    /** An 11-digit mainland number no account holds, different on every run. */
    private static String freshNumber() {
        while (true) {
            String n = "139" + String.format("%08d", RANDOM.nextInt(100_000_000));
            if (ItSupport.count("select count(*) from wxbind_user_account where phone in (?, ?)", n, "+86" + n) == 0) {
                return n;
            }
        }
    }

    private static String masked(String number) {
        return number.substring(0, 3) + "****" + number.substring(7);
    }

    private static void setSimPhone(SimControl.SimPersonInfo person, String number) {
        SimControl.Answer answer = sim.send("PUT", "/people/" + person.id() + "/phone",
                Json.createObjectBuilder().add("purePhoneNumber", number).build().toString());
        assertEquals(200, answer.status(), answer.body());
    }

    private static String phoneCode(SimControl.SimPersonInfo person) {
        SimControl.Answer answer = sim.send("POST", "/client/phone-code",
                Json.createObjectBuilder().add("appid", MINI).add("person", person.id()).build().toString());
        assertEquals(201, answer.status(), answer.body());
        return answer.json().getString("code");
    }

    private static JsonObject encryptedPhone(SimControl.SimPersonInfo person) {
        SimControl.Answer answer = sim.send("POST", "/client/encrypted-phone",
                Json.createObjectBuilder().add("appid", MINI).add("person", person.id()).build().toString());
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private static String wxLogin(SimControl.SimPersonInfo person) {
        SimControl.Answer answer = sim.send("POST", "/client/login",
                Json.createObjectBuilder().add("appid", MINI).add("person", person.id()).build().toString());
        assertEquals(201, answer.status(), answer.body());
        return answer.json().getString("code");
    }

    /** What another server holding the mini program's secret would do: WeChat issues a new session_key. */
    private static void exchangeElsewhere(SimControl.SimPersonInfo person) {
        String url = ItSupport.stack().simulatorApiUrl() + "/sns/jscode2session?appid=" + MINI + "&secret=" + WxBindStack.MINIPROGRAM_APP_SECRET
                + "&js_code=" + wxLogin(person) + "&grant_type=authorization_code";
        HttpResponse<String> r = JsonApi.send(HttpRequest.newBuilder(URI.create(url)).GET());
        assertTrue(r.body().contains("session_key"), "exchanged: " + r.statusCode());
    }

    private static HttpResponse<String> session(String code) {
        return post("api/wechat/miniprogram/session", null, Json.createObjectBuilder().add("appId", MINI).add("code", code).build());
    }

    private static HttpResponse<String> phone(String token, JsonObject body) {
        return post("api/wechat/miniprogram/phone", token, body);
    }

    private static HttpResponse<String> check(String token, String appId) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(app + "api/wechat/miniprogram/session/check?appId=" + appId)).GET();
        return send(token == null ? r : r.header("Authorization", "Bearer " + token));
    }

    private static HttpResponse<String> post(String path, String token, JsonObject body) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(app + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        return send(token == null ? r : r.header("Authorization", "Bearer " + token));
    }

    /** Any status, never a stack trace, never the session_key or its signature. */
    private static HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> r;
        try {
            r = HTTP.send(request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ItSupport.assertNoStackTrace(r.body());
        assertFalse(r.body().contains("\"session_key\"") || r.body().contains("sessionKey") || r.body().contains("\"signature\""), r.body());
        return r;
    }

    private static void assertError(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        JsonObject body = JsonApi.json(r);
        assertEquals(code, body.getString("error"), r.body());
        assertFalse(body.getString("message").isBlank());
    }

    private static String phoneOf(String account) {
        try (Connection c = ItSupport.stack().database().connect();
             PreparedStatement ps = c.prepareStatement("select phone from wxbind_user_account where username = ?")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
