package io.wxbind.push;

import java.time.Instant;

/**
 * {@code Event=VIEW}: a custom-menu link was opened (protocol §6.2).
 *
 * @param url the link's target ({@code EventKey})
 */
public record ViewEvent(String appId, String openId, String accountId, Instant createTime, String url) implements WeChatPushEvent {
}
