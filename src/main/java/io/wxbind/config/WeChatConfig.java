package io.wxbind.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Immutable, validated settings of the WeChat login module, produced once by
 * {@link WeChatConfigProducer}. Nothing else reads MicroProfile Config.
 *
 * @param appId           the official account's appid (web authorization)
 * @param appSecret       its AppSecret; never logged, never part of {@link #toString()}
 * @param openBaseUrl     open.weixin.qq.com or the simulator's {@code /open}
 * @param apiBaseUrl      api.weixin.qq.com or the simulator's {@code /api}
 * @param mpBaseUrl       mp.weixin.qq.com or the simulator's {@code /mp}
 * @param scope           scope requested in flow step 1
 * @param firstLogin      policy for an openid with no binding
 * @param publicBaseUrl   absolute base of this app as browsers see it, if behind a proxy
 * @param returnUrlOrigins absolute origins (scheme://host[:port]) allowed as return URLs
 * @param httpTimeout     per-call timeout towards WeChat
 * @param stateTtl        lifetime of a pending authorization (step 1)
 * @param bindTicketTtl   lifetime of a bind ticket (step 4)
 * @param defaultGroups   groups given to accounts that WxBind creates (first-login policy register)
 */
public record WeChatConfig(
        String appId,
        String appSecret,
        URI openBaseUrl,
        URI apiBaseUrl,
        URI mpBaseUrl,
        String scope,
        FirstLoginPolicy firstLogin,
        URI publicBaseUrl,
        List<String> returnUrlOrigins,
        Duration httpTimeout,
        Duration stateTtl,
        Duration bindTicketTtl,
        Set<String> defaultGroups) {

    public static final String SCOPE_BASE = "snsapi_base";
    public static final String SCOPE_USERINFO = "snsapi_userinfo";

    /** Keeps the secret out of logs and exception messages. */
    @Override
    public String toString() {
        return "WeChatConfig[appId=" + appId + ", appSecret=***, openBaseUrl=" + openBaseUrl
                + ", apiBaseUrl=" + apiBaseUrl + ", scope=" + scope + ", firstLogin=" + firstLogin + "]";
    }
}
