package io.wxbind.simulator.qr;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A validated {@code qrcode/create} body (protocol §5.1). Rules: temporary codes take
 * {@code expire_seconds} (default 60, at most 2 592 000: longer is cut to 30 days, zero or
 * negative gives the default) and a non-zero 32-bit {@code scene_id}; permanent codes take a
 * {@code scene_id} of 1–100 000 and ignore {@code expire_seconds}; {@code scene_str} is 1–64
 * characters. Errors: 40053 for a wrong action or scene, 47001 for a value of the wrong JSON type.
 * WeChat's observed quirk is kept: an integer-scene {@code action_info} without the {@code scene}
 * wrapper is accepted and gives scene 0 (the events then carry {@code qrscene_0} / {@code 0}).
 */
public record QrRequest(QrAction action, long sceneId, String sceneStr, int expireSeconds) {

    public static final int DEFAULT_EXPIRE_SECONDS = 60;
    public static final int MAX_EXPIRE_SECONDS = 2_592_000;
    public static final int MAX_PERMANENT_SCENE_ID = 100_000;
    public static final int MAX_SCENE_STR = 64;

    /** The request, or the errcode that rejects the body. */
    public record Parsed(QrRequest request, int errcode) {
        public boolean ok() {
            return errcode == 0;
        }

        static Parsed error(int errcode) {
            return new Parsed(null, errcode);
        }
    }

    /** The scene as events carry it: the {@code scene_str}, or the {@code scene_id} in decimal. */
    public String sceneValue() {
        return action.stringScene() ? sceneStr : Long.toString(sceneId);
    }

    public static Parsed parse(JsonObject body) {
        JsonValue name = body.get("action_name");
        QrAction action = name instanceof JsonString s ? QrAction.fromName(s.getString()).orElse(null) : null;
        if (action == null) {
            return Parsed.error(40053);
        }
        if (!(body.get("action_info") instanceof JsonObject info)) {
            return Parsed.error(40053);
        }
        int expire = DEFAULT_EXPIRE_SECONDS;
        if (!action.permanent()) {
            Long raw = integer(body.get("expire_seconds"));
            if (raw == null && isPresent(body.get("expire_seconds"))) {
                return Parsed.error(47001);
            }
            if (raw != null && raw > 0) {
                expire = (int) Math.min(raw, MAX_EXPIRE_SECONDS);
            }
        }
        JsonValue sceneValue = info.get("scene");
        if (sceneValue == null && !action.stringScene()) {
            return new Parsed(new QrRequest(action, 0, null, expire), 0); // observed: missing wrapper → scene 0
        }
        if (!(sceneValue instanceof JsonObject scene)) {
            return Parsed.error(40053);
        }
        return action.stringScene() ? stringScene(action, scene, expire) : idScene(action, scene, expire);
    }

    private static Parsed idScene(QrAction action, JsonObject scene, int expire) {
        JsonValue raw = scene.get("scene_id");
        Long id = integer(raw);
        if (id == null) {
            return Parsed.error(isPresent(raw) && !(raw instanceof JsonNumber) ? 47001 : 40053);
        }
        boolean valid = action.permanent() ? id >= 1 && id <= MAX_PERMANENT_SCENE_ID
                : id != 0 && id >= Integer.MIN_VALUE && id <= Integer.MAX_VALUE;
        return valid ? new Parsed(new QrRequest(action, id, null, expire), 0) : Parsed.error(40053);
    }

    private static Parsed stringScene(QrAction action, JsonObject scene, int expire) {
        JsonValue raw = scene.get("scene_str");
        if (isPresent(raw) && !(raw instanceof JsonString)) {
            return Parsed.error(47001);
        }
        String value = raw instanceof JsonString s ? s.getString() : null;
        int length = value == null ? 0 : value.codePointCount(0, value.length());
        if (length < 1 || length > MAX_SCENE_STR) {
            return Parsed.error(40053);
        }
        return new Parsed(new QrRequest(action, 0, value, expire), 0);
    }

    /** An integral JSON number, or a string of digits (WeChat's parser is lenient); else null. */
    private static Long integer(JsonValue value) {
        try {
            if (value instanceof JsonNumber n) {
                BigDecimal decimal = n.bigDecimalValue();
                BigInteger exact = decimal.stripTrailingZeros().scale() <= 0 ? decimal.toBigIntegerExact() : null;
                return exact != null && exact.bitLength() < 64 ? exact.longValue() : null;
            }
            if (value instanceof JsonString s && s.getString().matches("-?[0-9]{1,18}")) {
                return Long.parseLong(s.getString());
            }
        } catch (ArithmeticException e) {
            return null;
        }
        return null;
    }

    private static boolean isPresent(JsonValue value) {
        return value != null && value != JsonValue.NULL;
    }
}
