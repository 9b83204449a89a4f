package io.wxbind.push;

/**
 * A push that passed every check that needs no database (signatures, window, size, XML,
 * cipher): what {@link PushDispatcher} needs to drop replays and duplicates and to fire it.
 *
 * @param timestamp  the verified {@code timestamp} query parameter, epoch seconds
 * @param bodySha256 hex SHA-256 of the raw body, to tell a re-delivery from a forged body
 * @param msgKey     hex SHA-256 of {@link PushMessage#dedupeKey()}
 */
public record AcceptedPush(String appId, long timestamp, String nonce, String signature, String bodySha256, String msgKey,
        WeChatPushEvent event) {
}
