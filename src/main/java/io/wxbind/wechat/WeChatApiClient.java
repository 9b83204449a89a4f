package io.wxbind.wechat;

import io.wxbind.config.WeChatApp;

/**
 * The WeChat server APIs that the login flow calls. Every method makes exactly one HTTP call:
 * no caching, no retries (a retried code exchange would only earn 40163).
 */
public interface WeChatApiClient {

    /** §1.3: exchange a callback {@code code} for the user's openid (and web token). */
    OAuthAccessToken exchangeCode(String code);

    /** §1.3 with another app's appid and secret: a website app's {@code snsapi_login} code (§2), a mobile app's SDK code. */
    OAuthAccessToken exchangeCode(WeChatApp app, String code);

    /** §1.5: the profile behind a {@code snsapi_userinfo} web token. */
    WeChatUserProfile userInfo(OAuthAccessToken token);
}
