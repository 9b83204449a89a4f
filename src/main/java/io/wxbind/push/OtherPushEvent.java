package io.wxbind.push;

import java.time.Instant;

/**
 * Any other push (images, locations, template-send reports, …): verified and de-duplicated, but
 * not modelled; observers needing more fields can ask for them to be added.
 *
 * @param msgType {@code MsgType} as sent
 * @param event   {@code Event} as sent, null unless {@code MsgType=event}
 */
public record OtherPushEvent(String appId, String openId, String accountId, Instant createTime, String msgType, String event)
        implements WeChatPushEvent {
}
