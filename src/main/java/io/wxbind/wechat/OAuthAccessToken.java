package io.wxbind.wechat;

import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answer of {@code sns/oauth2/access_token} (§1.3): a user-level web token, distinct from the
 * server access token. Held only in memory for the few calls of one callback.
 *
 * @param snapshotUser WeChat's snapshot-page virtual account (§1.2): must not log in
 */
public record OAuthAccessToken(String accessToken, long expiresIn, String refreshToken, String openId,
        Set<String> scopes, String unionId, boolean snapshotUser) {

    static OAuthAccessToken from(JsonObject json) {
        return new OAuthAccessToken(
                json.getString(WeChatParams.ACCESS_TOKEN, null),
                JsonFields.longValue(json, WeChatParams.EXPIRES_IN, 0),
                json.getString(WeChatParams.REFRESH_TOKEN, null),
                json.getString(WeChatParams.OPENID, null),
                parseScopes(json.getString(WeChatParams.SCOPE, "")),
                JsonFields.nonBlank(json, WeChatParams.UNIONID),
                JsonFields.longValue(json, WeChatParams.IS_SNAPSHOTUSER, 0) == 1);
    }

    /** WeChat has been seen to send {@code "snsapi_userinfo,"}: split on commas, drop empties. */
    static Set<String> parseScopes(String raw) {
        return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Keeps tokens out of logs. */
    @Override
    public String toString() {
        return "OAuthAccessToken[openId=" + LogSafe.shortId(openId) + ", scopes=" + scopes + ", snapshotUser=" + snapshotUser + "]";
    }
}
