package io.wxbind.it.support;

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
import java.time.Duration;
import java.util.UUID;

/** The simulator's control API, as the tests use it: people, call counts, faults. */
public final class SimControl {

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public SimControl(String controlUrl) {
        this.base = controlUrl;
    }

    /** A fresh simulated person (unique id), so tests never share WeChat users. */
    public SimPersonInfo newPerson(String nickname) {
        String id = "p-" + UUID.randomUUID().toString().substring(0, 12);
        JsonObject created = call("POST", "/people", Json.createObjectBuilder().add("id", id).add("nickname", nickname).build(), 201);
        created.getJsonObject("openIds").values().forEach(v -> Capture.rememberSecret("openid", ((jakarta.json.JsonString) v).getString()));
        created.getJsonObject("unionIds").values().forEach(v -> Capture.rememberSecret("unionid", ((jakarta.json.JsonString) v).getString()));
        return new SimPersonInfo(id, created);
    }

    /** Every person the simulator knows, with the ids each app sees ({@code openIds}, {@code unionIds}, ...). */
    public java.util.List<JsonObject> people() {
        return call("GET", "/people", null, 200).getJsonArray("people").getValuesAs(JsonObject.class);
    }

    /** Total calls received on a simulator path such as {@code /api/sns/oauth2/access_token}. */
    public long calls(String path) {
        JsonObject all = call("GET", "/calls", null, 200).getJsonObject("paths");
        JsonObject entry = all == null ? null : all.getJsonObject(path);
        return entry == null ? 0 : entry.getJsonNumber("total").longValue();
    }

    public void fault(JsonObject spec) {
        call("POST", "/faults", spec, 201);
    }

    public void clearFaults() {
        call("DELETE", "/faults", null, -1);
    }

    /** An app's server-token settings, in the shape PUT accepts (save it to restore it later). */
    public JsonObject tokenSettings(String appId) {
        return call("GET", "/apps/" + appId + "/token-settings", null, 200);
    }

    /** Changes some of an app's token settings; returns the effective settings. */
    public JsonObject updateTokenSettings(String appId, JsonObject patch) {
        return call("PUT", "/apps/" + appId + "/token-settings", patch, 200);
    }

    /** Back to the configured token settings. */
    public JsonObject restoreTokenSettings(String appId) {
        return call("DELETE", "/apps/" + appId + "/token-settings", null, 200);
    }

    /** The token issuance log of one app: {@code tokens}, {@code counts}, {@code dailyQuota}. */
    public JsonObject tokens(String appId) {
        return call("GET", "/tokens?appid=" + appId, null, 200);
    }

    /** Forgets one app's issuance log (issued tokens stay valid). */
    public void clearTokens(String appId) {
        call("DELETE", "/tokens?appid=" + appId, null, 200);
    }

    /** The simulator clock: {@code now}, {@code epochSeconds}, {@code offsetSeconds}. */
    public JsonObject clock() {
        return call("GET", "/clock", null, 200);
    }

    public JsonObject advanceClock(int seconds) {
        return call("POST", "/clock", Json.createObjectBuilder().add("advanceSeconds", seconds).build(), 200);
    }

    /** Sets the clock's offset from real time, e.g. back to what a test found. */
    public JsonObject setClockOffset(int seconds) {
        return call("POST", "/clock", Json.createObjectBuilder().add("offsetSeconds", seconds).build(), 200);
    }

    /** Calls on {@code path} that named (or carried a token of) {@code appId}. */
    public long calls(String path, String appId) {
        JsonObject entry = call("GET", "/calls?path=" + path, null, 200).getJsonObject("byAppId");
        return entry == null || !entry.containsKey(appId) ? 0 : entry.getJsonNumber(appId).longValue();
    }

    /** Makes a person follow an official account (what {@code cgi-bin/user/info} reports). */
    public void follow(String personId, String appId) {
        call("PUT", "/people/" + personId + "/follows/" + appId, null, 200);
    }

    /** The installed faults: {@code {"faults":[{"id","path",...,"hanging"?}]}}. */
    public JsonObject faults() {
        return call("GET", "/faults", null, 200);
    }

    /** Clears the faults on one path (and releases calls they hold). */
    public void clearFaults(String path) {
        call("DELETE", "/faults?path=" + path, null, 200);
    }

    /** Any control call, for tests of the control API's own errors. */
    public Answer send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A raw control answer. */
    public record Answer(int status, String contentType, String body) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    private JsonObject call(String method, String path, JsonObject body, int expected) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (expected > 0 && r.statusCode() != expected) {
                throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            if (r.body() == null || r.body().isBlank() || !r.body().trim().startsWith("{")) {
                return JsonValue.EMPTY_JSON_OBJECT;
            }
            return Json.createReader(new StringReader(r.body())).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- QR scans, pushes, messages, push settings, SMS (the push simulator) ----

    /** Waits for a push: one delivery plus up to 3 retries of 5 s each. */
    private static final Duration PUSH_TIMEOUT = Duration.ofSeconds(60);

    /** {@code person} scans the QR code of {@code ticket}: {@code {"event","deliveries","reply","status",...}}. */
    public JsonObject scan(String ticket, String personId) {
        return pushCall("POST", "/scan", Json.createObjectBuilder().add("ticket", ticket).add("person", personId).build());
    }

    /** A menu click of {@code key} (e.g. {@code BIND}) by a follower of {@code appId}. */
    public JsonObject click(String appId, String personId, String key) {
        return pushCall("POST", "/push", Json.createObjectBuilder().add("appid", appId).add("person", personId)
                .add("msgType", "event").add("event", "CLICK").add("eventKey", key).build());
    }

    /** A text message from a follower of {@code appId} (it opens the 48-hour customer-service window). */
    public JsonObject sendText(String appId, String personId, String content) {
        return pushCall("POST", "/push", Json.createObjectBuilder().add("appid", appId).add("person", personId)
                .add("msgType", "text").add("content", content).build());
    }

    /** Unfollows with an {@code unsubscribe} push. */
    public JsonObject unfollow(String appId, String personId) {
        return pushCall("POST", "/unfollow", Json.createObjectBuilder().add("appid", appId).add("person", personId).build());
    }

    /** Everything the person received from official accounts: {@code {"messages":[{"kind","text",...}],"windows":[...]}}. */
    public JsonObject messages(String personId) {
        JsonObject messages = call("GET", "/people/" + personId + "/messages", null, 200);
        // What the app wrote to the person: for the secret scan (the rest is the simulator's own data).
        Capture.record("SimControl", "GET", base + "/people/" + personId + "/messages#texts", 200, java.util.Map.of(),
                String.join("\n", messages.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                        .map(m -> m.getString("text", "")).toList()));
        return messages;
    }

    /** The texts the person received, oldest first; {@code kind} passive, custom or notice (null = all). */
    public java.util.List<String> messageTexts(String personId, String kind) {
        return messages(personId).getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> kind == null || kind.equals(m.getString("kind"))).map(m -> m.getString("text")).toList();
    }

    public void clearMessages(String personId) {
        call("DELETE", "/people/" + personId + "/messages", null, 200);
    }

    /** The pushes sent to an app's server for a person, oldest first, with every delivery. */
    public java.util.List<JsonObject> pushes(String appId, String personId) {
        return call("GET", "/pushes?appid=" + appId + "&person=" + personId, null, 200).getJsonArray("pushes")
                .getValuesAs(JsonObject.class);
    }

    /** {@code {"appid","originalId","url","urlSource","mode","timeoutMs"}} of an official account. */
    public JsonObject pushSettings(String appId) {
        return call("GET", "/apps/" + appId + "/push-settings", null, 200);
    }

    /** Changes any of {@code url}, {@code mode}, {@code timeoutMs}; returns the effective settings. */
    public JsonObject updatePushSettings(String appId, JsonObject patch) {
        return call("PUT", "/apps/" + appId + "/push-settings", patch, 200);
    }

    /** Back to the configured push URL and mode. */
    public JsonObject restorePushSettings(String appId) {
        return call("DELETE", "/apps/" + appId + "/push-settings", null, 200);
    }

    /** Records an SMS as sent (what the demo's SMS sender does). */
    public JsonObject sendSms(String phone, String text) {
        return call("POST", "/sms", Json.createObjectBuilder().add("phone", phone).add("text", text).build(), 201);
    }

    /** The SMS sent to {@code phone}, oldest first (the newest is last). */
    public java.util.List<JsonObject> sms(String phone) {
        return call("GET", "/sms?phone=" + java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8),
                null, 200).getJsonArray("messages").getValuesAs(JsonObject.class);
    }

    /** A push-sending control call: 200 expected, with time for WeChat's retries. */
    private JsonObject pushCall(String method, String path, JsonObject body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(PUSH_TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            JsonObject answer = Json.createReader(new StringReader(r.body())).readObject();
            // The app's passive reply, relayed by the simulator: for the secret scan.
            Capture.record("SimControl", method, base + path + "#reply", 200, java.util.Map.of(), answer.getString("reply", ""));
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A simulated person and their ids as the simulator reports them. */
    public record SimPersonInfo(String id, JsonObject json) {

        public String openIdFor(String appId) {
            return json.getJsonObject("openIds").getString(appId);
        }

        public String unionIdFor(String openPlatform) {
            return json.getJsonObject("unionIds").getString(openPlatform);
        }
    }
}
