package io.wxbind.push;

import java.time.Instant;

/**
 * {@code MsgType=text}: the person wrote to the account (protocol §6.2).
 *
 * @param msgId WeChat's 64-bit message id (also the de-duplication key)
 */
public record TextMessageEvent(String appId, String openId, String accountId, Instant createTime, String content, long msgId)
        implements WeChatPushEvent {
}
