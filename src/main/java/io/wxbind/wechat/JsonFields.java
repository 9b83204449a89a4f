package io.wxbind.wechat;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Lenient readers: WeChat sends some numbers as strings and some strings empty. */
final class JsonFields {

    private JsonFields() {
    }

    static long longValue(JsonObject json, String key, long dflt) {
        JsonValue v = json.get(key);
        if (v instanceof JsonNumber n) {
            return n.longValue();
        }
        if (v instanceof JsonString s) {
            try {
                return Long.parseLong(s.getString().trim());
            } catch (NumberFormatException e) {
                return dflt;
            }
        }
        return dflt;
    }

    static String nonBlank(JsonObject json, String key) {
        JsonValue v = json.get(key);
        if (v instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString();
        }
        return null;
    }
}
