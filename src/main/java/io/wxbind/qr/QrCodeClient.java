package io.wxbind.qr;

import io.wxbind.config.WeChatConfig;
import io.wxbind.token.WeChatServerApi;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** §5: creates temporary {@code QR_STR_SCENE} codes and names their image URL. */
@ApplicationScoped
public class QrCodeClient {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** What WeChat answered: the ticket and how long the code lives. */
    public record Created(String ticket, long expireSeconds) {
    }

    @Inject
    WeChatServerApi api;

    @Inject
    WeChatConfig config;

    @Inject
    Event<QrCodeCreated> created;

    @Inject
    Clock clock;

    public Created createTemporary(String appId, String sceneStr, Duration ttl) {
        JsonObject body = JSON.createObjectBuilder().add("expire_seconds", ttl.toSeconds()).add("action_name", "QR_STR_SCENE")
                .add("action_info", JSON.createObjectBuilder().add("scene", JSON.createObjectBuilder().add("scene_str", sceneStr)))
                .build();
        JsonObject json = api.postJson(appId, "/cgi-bin/qrcode/create", body).json();
        String ticket = json.getString("ticket", null);
        if (ticket == null || ticket.isBlank()) {
            throw new WeChatUnavailableException("qrcode/create answered without a ticket");
        }
        created.fire(new QrCodeCreated(appId, clock.instant())); // counted against the daily quota (QrDailyCount)
        long expires = json.containsKey("expire_seconds") ? json.getJsonNumber("expire_seconds").longValue() : ttl.toSeconds();
        return new Created(ticket, expires);
    }

    /** The image URL a browser loads (WeChat's {@code showqrcode}). */
    public String imageUrl(String ticket) {
        return config.mpBaseUrl() + "/cgi-bin/showqrcode?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8);
    }
}
