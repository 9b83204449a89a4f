package io.wxbind.wechat;

import jakarta.json.JsonObject;

/**
 * Answer of {@code sns/userinfo} (§1.5). Since 2021 sex and region are blank and the nickname
 * may be a placeholder, so nothing here is required except the openid.
 */
public record WeChatUserProfile(String openId, String nickname, String avatarUrl, String unionId) {

    static WeChatUserProfile from(JsonObject json) {
        return new WeChatUserProfile(
                json.getString(WeChatParams.OPENID, null),
                JsonFields.nonBlank(json, WeChatParams.NICKNAME),
                JsonFields.nonBlank(json, WeChatParams.HEADIMGURL),
                JsonFields.nonBlank(json, WeChatParams.UNIONID));
    }
}
