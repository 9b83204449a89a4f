package io.wxbind.wechat;

import java.util.Optional;

/**
 * The unionid of a person who follows an official account, asked silently with the account's
 * server token ({@code cgi-bin/user/info}, protocol §9): WeChat gives it only for followers, and
 * only when the account is bound to an open-platform account. A contract here so that the login
 * flow ({@code io.wxbind.auth}) and the QR features can both ask without knowing who keeps the
 * server token ({@code io.wxbind.token.UserInfoUnionIds}).
 */
public interface FollowerUnionIds {

    /**
     * The unionid, or empty: not a follower, no unionid (no open platform), no server token kept
     * for the app, or WeChat failed. Never throws: callers fall back to another way (or none).
     */
    Optional<String> of(String appId, String openId);
}
