package io.wxbind.simulator.qr;

import java.time.Instant;

/**
 * An issued parametric QR code: the opaque {@code ticket}, the {@code url} the image encodes
 * ({@code http://weixin.qq.com/q/<id>}), the official account and scene it belongs to, and when
 * it expires (null for permanent codes).
 */
public record QrCode(String ticket, String url, String appId, QrRequest request, Instant createdAt,
        Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The scene as events carry it (protocol §6.2). */
    public String sceneValue() {
        return request.sceneValue();
    }

    /** {@code EventKey} of the subscribe event a new follower's scan causes: {@code qrscene_<scene>}. */
    public String subscribeEventKey() {
        return "qrscene_" + sceneValue();
    }
}
