package io.wxbind.simulator.message;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * A {@code message/custom/send} body (protocol §8), read as WeChat does:
 * {@code {"touser","msgtype":"text","text":{"content"}}}. Other message types are accepted and
 * shown to the person as a short summary ({@code [image]}, a news title, ...). Errors: 40003 no
 * {@code touser}, 40008 unknown {@code msgtype}, 44004 empty text content.
 */
public record CustomMessage(String toUser, String msgType, String text) {

    /** The message, or the errcode that rejects the body. */
    public record Parsed(CustomMessage message, int errcode) {
        public boolean ok() {
            return errcode == 0;
        }
    }

    public static final Set<String> TYPES = Set.of("text", "image", "voice", "video", "music", "news", "mpnews",
            "mpnewsarticle", "msgmenu", "wxcard", "miniprogrampage");

    public static Parsed parse(JsonObject body) {
        String toUser = string(body, "touser");
        if (toUser == null || toUser.isEmpty()) {
            return new Parsed(null, 40003);
        }
        String msgType = string(body, "msgtype");
        if (msgType == null || !TYPES.contains(msgType)) {
            return new Parsed(null, 40008);
        }
        JsonObject payload = body.get(msgType) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        if (msgType.equals("text")) {
            String content = string(payload, "content");
            if (content == null || content.isEmpty()) {
                return new Parsed(null, 44004);
            }
            return new Parsed(new CustomMessage(toUser, msgType, content), 0);
        }
        return new Parsed(new CustomMessage(toUser, msgType, summary(msgType, payload)), 0);
    }

    /** What the person sees of a non-text message, enough for a test to tell messages apart. */
    static String summary(String msgType, JsonObject payload) {
        String detail = switch (msgType) {
            case "news" -> firstTitle(payload.get("articles"));
            case "msgmenu" -> string(payload, "head_content");
            case "music", "video", "miniprogrampage" -> string(payload, "title");
            default -> null;
        };
        return "[" + msgType + "]" + (detail == null || detail.isEmpty() ? "" : " " + detail);
    }

    private static String firstTitle(JsonValue articles) {
        if (articles instanceof JsonArray list && !list.isEmpty() && list.get(0) instanceof JsonObject first) {
            return string(first, "title");
        }
        return null;
    }

    private static String string(JsonObject json, String key) {
        return json.get(key) instanceof JsonString s ? s.getString() : null;
    }
}
