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
        return new SimPersonInfo(id, created);
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
