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
        assertTrue(eventually(() -> ItSupport.count("select count(*) from wxbind_audit_log where kind = 'BOUND' and account = ? and app_id = ?",
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

    /** The audit row is written by its own observer: give it a moment. */
    private static boolean eventually(java.util.function.BooleanSupplier condition) {
        long until = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
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
