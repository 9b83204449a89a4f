package io.wxbind.qr;

import java.time.Instant;

/** What a page learns about its QR: status and, when done, the account and a sentence. */
public record QrSceneView(String id, String status, String account, String message, Instant expiresAt) {

    static QrSceneView of(QrScene s, Instant now) {
        String status = s.status() == QrScene.Status.PENDING && s.isExpiredAt(now) ? "expired" : s.status().name().toLowerCase(java.util.Locale.ROOT);
        return new QrSceneView(s.id(), status, s.resultAccount(), s.message(), s.expiresAt());
    }

    public boolean isFinal() {
        return !"pending".equals(status);
    }
}
