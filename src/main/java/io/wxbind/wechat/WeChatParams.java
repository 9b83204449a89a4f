package io.wxbind.wechat;

/** WeChat's wire names, kept in one place so that a typo cannot hide in a URL builder. */
public final class WeChatParams {

    public static final String APPID = "appid";
    public static final String SECRET = "secret";
    public static final String CODE = "code";
    public static final String STATE = "state";
    public static final String SCOPE = "scope";
    public static final String REDIRECT_URI = "redirect_uri";
    public static final String RESPONSE_TYPE = "response_type";
    public static final String GRANT_TYPE = "grant_type";
    public static final String ACCESS_TOKEN = "access_token";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String EXPIRES_IN = "expires_in";
    public static final String OPENID = "openid";
    public static final String UNIONID = "unionid";
    public static final String JS_CODE = "js_code";
    public static final String SESSION_KEY = "session_key";
    public static final String LANG = "lang";
    public static final String NICKNAME = "nickname";
    public static final String HEADIMGURL = "headimgurl";
    public static final String IS_SNAPSHOTUSER = "is_snapshotuser";
    public static final String ERRCODE = "errcode";
    public static final String ERRMSG = "errmsg";

    private WeChatParams() {
    }
}
