package io.wxbind.push;

import io.wxbind.config.PushConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * The checks every push request passes before its body is looked at (protocol §6.1, §6.2, §7.6):
 * {@code signature} over (token, timestamp, nonce), then a {@code timestamp} near our clock.
 * WeChat's signature never covers the plaintext body, so the window and the replay table
 * ({@link PushDedupeStore}) are what stop a captured request from being reused.
 */
final class PushRequestVerifier {

    static final int MAX_NONCE = 64;

    private PushRequestVerifier() {
    }

    /** Returns the verified timestamp in epoch seconds. */
    static long verify(PushConfig.App app, PushQuery query, Instant now, Duration window) {
        String signature = query.get(PushQuery.SIGNATURE)
                .orElseThrow(() -> PushRejectedException.badSignature("signature missing"));
        String timestamp = query.get(PushQuery.TIMESTAMP).orElse("");
        String nonce = query.get(PushQuery.NONCE).orElse("");
        if (nonce.length() > MAX_NONCE || signature.length() > 64) {
            throw PushRejectedException.badRequest("nonce or signature too long");
        }
        if (!WeChatCrypto.verify(signature, app.token(), timestamp, nonce)) {
            throw PushRejectedException.badSignature("signature mismatch");
        }
        long seconds;
        try {
            seconds = timestamp.length() > 12 ? Long.MIN_VALUE : Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            seconds = Long.MIN_VALUE;
        }
        if (seconds == Long.MIN_VALUE || Math.abs(now.getEpochSecond() - seconds) > window.toSeconds()) {
            throw PushRejectedException.forbidden("timestamp outside the window");
        }
        return seconds;
    }

    /** {@code msg_signature} over (token, timestamp, nonce, Encrypt), for encrypted pushes (§7.3). */
    static void verifyMessage(PushConfig.App app, PushQuery query, String encrypt) {
        String given = query.get(PushQuery.MSG_SIGNATURE)
                .orElseThrow(() -> PushRejectedException.badSignature("msg_signature missing"));
        if (!WeChatCrypto.verify(given, app.token(), query.get(PushQuery.TIMESTAMP).orElse(""),
                query.get(PushQuery.NONCE).orElse(""), encrypt)) {
            throw PushRejectedException.badSignature("msg_signature mismatch");
        }
    }
}
