package io.wxbind.wechat;

/**
 * Who WeChat says the person is, after a successful code exchange: the openid for this app,
 * the unionid when WeChat gave one, and profile hints when known.
 */
public record WeChatIdentity(String appId, String openId, String unionId, String nickname, String avatarUrl) {

    @Override
    public String toString() {
        return "WeChatIdentity[appId=" + appId + ", openId=" + LogSafe.shortId(openId) + "]";
    }
}
