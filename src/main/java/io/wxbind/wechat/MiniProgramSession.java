package io.wxbind.wechat;

import jakarta.json.JsonObject;

/**
 * Answer of {@code sns/jscode2session} (protocol §3.1): the mini program's openid, the unionid
 * when the mini program is in an open-platform account, and the {@code session_key}, which never
 * leaves the server and never appears in {@link #toString()}.
 */
public record MiniProgramSession(String openId, String unionId, String sessionKey) {

    static MiniProgramSession from(JsonObject json) {
        return new MiniProgramSession(JsonFields.nonBlank(json, WeChatParams.OPENID), JsonFields.nonBlank(json, WeChatParams.UNIONID),
                JsonFields.nonBlank(json, WeChatParams.SESSION_KEY));
    }

    public WeChatIdentity identity(String appId) {
        return new WeChatIdentity(appId, openId, unionId, null, null);
    }

    @Override
    public String toString() {
        return "MiniProgramSession[openId=" + LogSafe.shortId(openId) + ", unionId=" + (unionId == null ? "none" : "present")
                + ", sessionKey=***]";
    }
}
