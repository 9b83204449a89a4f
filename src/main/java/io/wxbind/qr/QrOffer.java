package io.wxbind.qr;

import java.time.Duration;

/** A QR code to show (for login: this browser's pending one again, or a new one), or a wait. */
public sealed interface QrOffer {

    record Ready(QrScene scene) implements QrOffer {
    }

    /** Too many new codes from this client address (login) or for this account (bind); another fits after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements QrOffer {
    }
}
