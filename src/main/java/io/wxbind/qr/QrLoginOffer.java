package io.wxbind.qr;

import java.time.Duration;

/** What the QR login page shows: a code to scan (this browser's pending one again, or a new one), or a wait. */
public sealed interface QrLoginOffer {

    record Ready(QrScene scene) implements QrLoginOffer {
    }

    /** Too many new codes from this client IP; another fits after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements QrLoginOffer {
    }
}
