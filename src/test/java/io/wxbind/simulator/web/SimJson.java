package io.wxbind.simulator.web;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/** Lenient JSON-P reading: garbage in gives null, never an exception that could become a 500. */
public final class SimJson {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private SimJson() {
    }

    /** The JSON object in {@code text}, or null when it is not one. */
    /** A POST body as WeChat reads it: the JSON object, or the errcode answer (44002 empty, 47001 not an object). */
    public record Body(JsonObject json, Response error) {
    }

    public static Body body(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Body(null, WeChatResponses.error(44002));
        }
        JsonObject json = parseObject(raw);
        return json == null ? new Body(null, WeChatResponses.error(47001)) : new Body(json, null);
    }

    public static JsonObject parseObject(String text) {
        if (text == null) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    /** The string member {@code key}, or null when absent or not a string. */
    public static String string(JsonObject object, String key) {
        return object.get(key) instanceof JsonString s ? s.getString() : null;
    }
}
