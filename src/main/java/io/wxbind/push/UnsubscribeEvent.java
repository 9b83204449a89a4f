package io.wxbind.push;

import java.time.Instant;

/** {@code Event=unsubscribe}: the person stopped following the account (protocol §6.2). */
public record UnsubscribeEvent(String appId, String openId, String accountId, Instant createTime) implements WeChatPushEvent {
}
