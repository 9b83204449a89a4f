package io.wxbind.push;

import java.time.Instant;

/**
 * {@code Event=CLICK}: a custom-menu button was pressed (protocol §6.2).
 *
 * @param eventKey the button's key
 */
public record ClickEvent(String appId, String openId, String accountId, Instant createTime, String eventKey)
        implements WeChatPushEvent {
}
