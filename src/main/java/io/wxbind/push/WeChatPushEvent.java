package io.wxbind.push;

import java.time.Instant;

/**
 * A verified, de-duplicated push from WeChat (protocol §6.2), for CDI observers. Fired once per
 * distinct message: synchronously inside {@link PushReceived}, and asynchronously by itself, so a
 * portal can {@code @ObservesAsync ScanEvent} without touching WxBind.
 */
public sealed interface WeChatPushEvent
        permits SubscribeEvent, UnsubscribeEvent, ScanEvent, ClickEvent, ViewEvent, TextMessageEvent, OtherPushEvent {

    /** Our app, taken from the endpoint path (and checked inside the cipher), never from the XML. */
    String appId();

    /** {@code FromUserName}: the sender's openid for {@link #appId()}. */
    String openId();

    /** {@code ToUserName}: the official account's original id ({@code gh_…}). */
    String accountId();

    /** {@code CreateTime}, set by WeChat. */
    Instant createTime();
}
