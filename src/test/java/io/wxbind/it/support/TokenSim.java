package io.wxbind.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
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
import java.util.List;

/** The simulator's token controls: runtime token settings, the issuance log, call counts, faults. */
public final class TokenSim {

    /** One token answer the simulator gave (never the token value). */
    public record Issue(String kind, long issuedAtMillis, long expiresIn, boolean forceRefresh, boolean isNew) {
    }

    private final String control;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public TokenSim(String controlUrl) {
        this.control = controlUrl;
    }

    public void settings(String appId, int expiresIn, int graceSeconds) {
        send("PUT", "/apps/" + appId + "/token-settings",
                Json.createObjectBuilder().add("expiresIn", expiresIn).add("graceSeconds", graceSeconds).build());
    }

    public List<Issue> issues(String appId) {
        JsonArray tokens = send("GET", "/tokens?appid=" + appId, null).getJsonArray("tokens");
        return tokens.getValuesAs(JsonObject.class).stream().map(t -> new Issue(t.getString("kind"),
                t.getJsonNumber("issuedAt").longValue(), t.getJsonNumber("expiresIn").longValue(),
                t.getBoolean("forceRefresh", false), t.getBoolean("new", true))).toList();
    }

    public void clearIssues() {
        send("DELETE", "/tokens", null);
    }

    public long calls(String path, String appId) {
        JsonObject entry = send("GET", "/calls?path=" + path, null);
        JsonObject by = entry.getJsonObject("byAppId");
        return by == null || !by.containsKey(appId) ? 0 : by.getJsonNumber(appId).longValue();
    }

    public void fault(JsonObject spec) {
        send("POST", "/faults", spec);
    }

    public void clearFaults() {
        send("DELETE", "/faults", null);
    }

    private JsonObject send(String method, String path, JsonObject body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(control + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new AssertionError(method + " " + path + " → " + r.statusCode() + " " + r.body());
            }
            String text = r.body() == null ? "" : r.body().trim();
            return text.startsWith("{") ? Json.createReader(new StringReader(text)).readObject() : JsonValue.EMPTY_JSON_OBJECT;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
