package io.wxbind.qr;

import jakarta.json.bind.annotation.JsonbTransient;
import java.time.Instant;

/**
 * What a page learns about its QR: status ({@code pending}, {@code scanned}, then a final one)
 * and a sentence. {@code account} is the bound account for a bind page; a login page never gets
 * it (the browser learns who it is once it is logged in).
 */
public record QrSceneView(String id, String status, String account, String message, Instant expiresAt) {

    public static QrSceneView of(QrScene s, Instant now) {
        String account = s.purpose() == QrScene.Purpose.BIND ? s.resultAccount() : null;
        return new QrSceneView(s.id(), s.shownStatus(now), account, s.message(), s.expiresAt());
    }

    @JsonbTransient
    public boolean isFinal() {
        return !"pending".equals(status) && !"scanned".equals(status);
    }
}
