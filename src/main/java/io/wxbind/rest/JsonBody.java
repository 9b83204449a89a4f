package io.wxbind.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Optional;

/** A request body that must be a JSON object: parsed here so that bad JSON is a 400 with a message, never a 500. */
public final class JsonBody {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();
    static final int MAX_CHARS = 16_384;

    private JsonBody() {
    }

    public static Optional<JsonObject> object(String body) {
        if (body == null || body.isBlank() || body.length() > MAX_CHARS) {
            return Optional.empty();
        }
        try (var reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o ? Optional.of(o) : Optional.empty();
        } catch (RuntimeException e) {
            // JsonException for bad syntax; Parsson's plain RuntimeException past 1000 levels of nesting: all the sender's fault
            return Optional.empty();
        }
    }

    /** A string member, or null when absent or not a string. */
    public static String string(JsonObject body, String name) {
        JsonValue v = body.get(name);
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? body.getString(name) : null;
    }

    public static Response badRequest(String example) {
        return Response.status(400).entity(new ErrorBody("bad_request", "Send a JSON object like " + example + ".")).build();
    }
}
