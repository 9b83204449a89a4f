package io.wxbind.push;

import java.time.Instant;

/**
 * {@code Event=subscribe}: the person followed the account, possibly by scanning a parametric QR
 * code (protocol §6.2, §5).
 *
 * @param sceneKey the QR scene ({@code EventKey} without {@code qrscene_}), null for a plain follow
 * @param ticket   the QR ticket, null for a plain follow
 */
public record SubscribeEvent(String appId, String openId, String accountId, Instant createTime, String sceneKey, String ticket)
        implements WeChatPushEvent {
}
