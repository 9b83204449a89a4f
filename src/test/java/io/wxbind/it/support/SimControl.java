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
