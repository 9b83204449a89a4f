package io.wxbind.bench.web;

import static io.wxbind.bench.load.Scenario.check;

import io.wxbind.bench.load.BenchBrowser;
import io.wxbind.it.support.SimControl;
import io.wxbind.launch.WxBindStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The logins of API clients for P1, as a mini program or mobile app makes them: a code from the
 * simulator's client control (WeChat's client, not counted: not an {@code /api/} path), then the
 * JSON endpoints; each answer checked (bound, and as whom).
 */
final class ApiLoginCalls {

    private static final HttpClient HTTP = BenchBrowser.sharedClient();

    private final SimControl sim;
    private final String appUrl;

    ApiLoginCalls(SimControl sim, String appUrl) {
        this.sim = sim;
        this.appUrl = appUrl;
    }

    /** A bound person opens the mini program: wx.login's code → /session → a token for their account. */
    boolean miniProgram(BoundPerson bound) {
        JsonObject in = session("api/wechat/miniprogram/session", WxBindStack.MINIPROGRAM_APP_ID, bound.personId());
        return in.getBoolean("bound", false) && bound.account().equals(in.getString("caller", null));
    }

    /** A bound person opens the mobile app: the SDK's code → /app/session → a token for their account. */
    boolean mobileApp(BoundPerson bound) {
        JsonObject in = session("api/wechat/app/session", WxBindStack.MOBILE_APP_ID, bound.personId());
        return in.getBoolean("bound", false) && bound.account().equals(in.getString("caller", null));
    }

    /** A new person in the mobile app (policy register): /session → ticket → /register. */
    boolean mobileAppRegister() {
        String person = sim.newPerson("P1 app newcomer").id();
        JsonObject unbound = session("api/wechat/app/session", WxBindStack.MOBILE_APP_ID, person);
        check(!unbound.getBoolean("bound", true), "not a first login: " + unbound);
        JsonObject created = post("api/wechat/miniprogram/register",
                Json.createObjectBuilder().add("bindTicket", unbound.getString("bindTicket")).add("nickname", "P1 newcomer").build());
        return created.getBoolean("registered", false) && created.getString("caller", "").startsWith("wx_");
    }

    /** A new person in the mini program: /session → ticket → /bind with bob's password. */
    boolean miniProgramBindByPassword() {
        String person = sim.newPerson("P1 mini binder").id();
        JsonObject unbound = session("api/wechat/miniprogram/session", WxBindStack.MINIPROGRAM_APP_ID, person);
        check(!unbound.getBoolean("bound", true), "not a first login: " + unbound);
        JsonObject bound = post("api/wechat/miniprogram/bind", Json.createObjectBuilder().add("bindTicket", unbound.getString("bindTicket"))
                .add("username", "bob").add("password", "bob-password").build());
        return "bob".equals(bound.getString("caller", null));
    }

    private JsonObject session(String path, String appId, String personId) {
        SimControl.Answer code = sim.send("POST", "/client/login",
                Json.createObjectBuilder().add("appid", appId).add("person", personId).build().toString());
        check(code.status() == 201, "no client code: " + code.status() + " " + code.body());
        return post(path, Json.createObjectBuilder().add("appId", appId).add("code", code.json().getString("code")).build());
    }

    private JsonObject post(String path, JsonObject body) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(appUrl + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            check(r.statusCode() == 200, path + " answered " + r.statusCode() + ": " + r.body());
            try (var reader = Json.createReader(new StringReader(r.body()))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new IllegalStateException(path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
