package io.wxbind.simulator.control;

import io.wxbind.simulator.web.SimJson;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.TreeSet;

/**
 * JSON in and out for the control API: strict reading (unknown fields and wrong types are 400s,
 * so a typo in a test fails loudly) and the project's error shape {@code {"error","message"}}.
 */
public final class ControlJson {

    public static final String TYPE = "application/json";

    private ControlJson() {
    }

    public static Response json(int status, JsonValue body) {
        return Response.status(status).type(TYPE).entity(body.toString()).header("Cache-Control", "no-store").build();
    }

    public static Response error(int status, String code, String message) {
        return json(status, Json.createObjectBuilder().add("error", code).add("message", message).build());
    }

    public static JsonObject object(String body, Set<String> allowedKeys) {
        JsonObject json = SimJson.parseObject(body);
        if (json == null) {
            throw new ControlRequestException(400, "bad_json", "the body must be a JSON object");
        }
        for (String key : json.keySet()) {
            if (!allowedKeys.contains(key)) {
                throw new ControlRequestException(400, "unknown_field", "unknown field '" + key
                        + "'; allowed: " + String.join(", ", new TreeSet<>(allowedKeys)));
            }
        }
        return json;
    }

    public static String string(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw wrongType(key, "a string");
    }

    public static Integer integer(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                throw wrongType(key, "a 32-bit integer");
            }
        }
        throw wrongType(key, "an integer");
    }

    public static boolean bool(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        throw wrongType(key, "true or false");
    }

    private static ControlRequestException wrongType(String key, String expected) {
        return new ControlRequestException(400, "bad_field", "'" + key + "' must be " + expected);
    }
}
