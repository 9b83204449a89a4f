package io.wxbind.qr;

import java.time.Instant;

/** CDI event: WeChat created a QR code for {@code appId} (one {@code qrcode/create} call of its daily quota). */
public record QrCodeCreated(String appId, Instant at) {
}
