package io.wxbind.simulator.web;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Lenient JSON-P reading: garbage in gives null, never an exception that could become a 500. */
public final class SimJson {

    private SimJson() {
    }

    /** The JSON object in {@code text}, or null when it is not one. */
    public static JsonObject parseObject(String text) {
        if (text == null) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
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
