package io.wxbind.push;

import java.time.Instant;

/**
 * {@code Event=SCAN}: a follower scanned a parametric QR code (protocol §6.2, §5).
 *
 * @param sceneKey the scene value ({@code EventKey}, no prefix for followers)
 * @param ticket   the QR ticket
 */
public record ScanEvent(String appId, String openId, String accountId, Instant createTime, String sceneKey, String ticket)
        implements WeChatPushEvent {
}
