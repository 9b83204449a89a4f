package io.wxbind.wechat;

import java.util.Arrays;

/**
 * The errcodes this module acts on or explains to a person (protocol §10). Anything else
 * maps to {@link #OTHER}: it is still reported, with its number.
 */
public enum WeChatError {
    SYSTEM_BUSY(-1, true, "WeChat is busy right now."),
    INVALID_CREDENTIAL(40001, false, "The server access token was rejected."),
    INVALID_OPENID(40003, false, "WeChat did not recognise this user for this app."),
    INVALID_APPID(40013, false, "This site's WeChat app id is not valid."),
    INVALID_ACCESS_TOKEN(40014, false, "The access token was rejected."),
    INVALID_CODE(40029, false, "The WeChat authorization code is invalid or has expired."),
    INVALID_APPSECRET(40125, false, "This site's WeChat app secret is not valid."),
    CODE_USED(40163, false, "The WeChat authorization code was already used."),
    /** {@code sns/jscode2session}: WeChat judged the user high-risk and blocked the login (protocol §3.1). */
    CODE_BLOCKED(40226, false, "WeChat blocked this login: the WeChat account was judged high-risk."),
    ACCESS_TOKEN_EXPIRED(42001, false, "The access token has expired."),
    OAUTH_CODE_EXPIRED(42003, false, "The WeChat authorization code has expired."),
    FREQUENCY_LIMIT(45011, true, "Too many requests to WeChat; please wait a minute."),
    API_UNAUTHORIZED(48001, false, "This site is not allowed to use that WeChat function."),
    USER_UNAUTHORIZED(50001, false, "You have not authorized this site in WeChat."),
    OTHER(Integer.MIN_VALUE, false, "WeChat refused the request.");

    private final int code;
    private final boolean transientFailure;
    private final String description;

    WeChatError(int code, boolean transientFailure, String description) {
        this.code = code;
        this.transientFailure = transientFailure;
        this.description = description;
    }

    public static WeChatError of(int errcode) {
        return Arrays.stream(values()).filter(e -> e.code == errcode).findFirst().orElse(OTHER);
    }

    public int code() {
        return code;
    }

    /** A retry later may succeed (busy, rate limit); the person is told to try again. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** A sentence a person understands; never includes WeChat's raw message. */
    public String description() {
        return description;
    }

    /** A code the person's browser sent that WeChat rejected: a client-side problem, not ours. */
    public boolean isCodeProblem() {
        return this == INVALID_CODE || this == CODE_USED || this == OAUTH_CODE_EXPIRED;
    }
}
