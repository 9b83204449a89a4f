package io.wxbind.simulator.web;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Builds api.weixin.qq.com responses: always the observed Content-Type
 * {@code application/json; encoding=utf-8}; errors are HTTP 200 with {@code errcode}/{@code errmsg}
 * (protocol §0). The body is written as UTF-8 bytes so no container adds a charset of its own.
 */
public final class WeChatResponses {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String CONTENT_TYPE = "application/json; encoding=utf-8";

    private WeChatResponses() {
    }

    public static Response json(JsonObject body) {
        return json(200, body);
    }

    public static Response json(int status, JsonObject body) {
        return Response.status(status)
                .entity(body.toString().getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", CONTENT_TYPE) // a String header keeps the observed spelling
                .header("Cache-Control", "no-store")
                .build();
    }

    public static Response error(int errcode) {
        return error(200, errcode, WeChatErrors.baseMessage(errcode));
    }

    public static Response error(int status, int errcode, String baseMessage) {
        return json(status, body(errcode, baseMessage));
    }

    public static Response ok() {
        return json(body(0, "ok"));
    }

    public static JsonObject body(int errcode, String baseMessage) {
        return JSON.createObjectBuilder()
                .add("errcode", errcode)
                .add("errmsg", WeChatErrors.errmsg(errcode, baseMessage, Instant.now()))
                .build();
    }
}
