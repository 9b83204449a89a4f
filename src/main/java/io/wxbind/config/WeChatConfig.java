package io.wxbind.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Immutable, validated settings of the WeChat login module, produced once by
 * {@link WxBindConfigProducer}. Nothing else reads MicroProfile Config.
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
    /** A website app's QR login (protocol §2); never {@code wechat.scope}. */
    public static final String SCOPE_LOGIN = "snsapi_login";

    /** Pure mapping from raw values; every problem goes to {@code problems}, never a secret value. */
    public static WeChatConfig read(Function<String, Optional<String>> source, List<String> problems) {
        ConfigReader r = new ConfigReader(source, problems);
        String appId = r.required("wechat.app-id");
        WeChatApp.checkAppId("wechat.app-id", appId, problems);
        String secret = r.required("wechat.app-secret");
        URI open = r.url("wechat.open-base-url", "https://open.weixin.qq.com");
        URI api = r.url("wechat.api-base-url", "https://api.weixin.qq.com");
        URI mp = r.url("wechat.mp-base-url", "https://mp.weixin.qq.com");
        FirstLoginPolicy policy = r.map("wechat.first-login", "bind", FirstLoginPolicy::parse);
        String defaultScope = policy == FirstLoginPolicy.REGISTER ? SCOPE_USERINFO : SCOPE_BASE;
        String scope = r.optional("wechat.scope").orElse(defaultScope);
        if (!scope.equals(SCOPE_BASE) && !scope.equals(SCOPE_USERINFO)) {
            problems.add("wechat.scope: must be snsapi_base or snsapi_userinfo, was '" + scope + "'");
        } else if (policy == FirstLoginPolicy.REGISTER && scope.equals(SCOPE_BASE)) {
            problems.add("wechat.scope: the 'register' first-login policy needs snsapi_userinfo (a profile)");
        }
        URI publicBase = r.optional("wechat.public-base-url").map(v -> r.toUrl("wechat.public-base-url", v)).orElse(null);
        List<String> origins = new ArrayList<>();
        for (String o : r.list("wechat.return-url-allow-list")) {
            URI u = r.toUrl("wechat.return-url-allow-list", o);
            if (u != null) {
                origins.add(ReturnOrigins.originOf(u));
            }
        }
        Duration timeout = r.duration("wechat.http-timeout-ms", 5000, 100, 120_000);
        Duration stateTtl = r.duration("wechat.state-ttl-seconds", 600, 30, 3600);
        Duration ticketTtl = r.duration("wechat.bind-ticket-ttl-seconds", 300, 30, 3600);
        Set<String> groups = Collections.unmodifiableSet(new LinkedHashSet<>(r.list("wechat.default-groups", "user")));
        return new WeChatConfig(appId, secret, open, api, mp, scope, policy, publicBase, List.copyOf(origins), timeout,
                stateTtl, ticketTtl, groups);
    }

    /** {@link #read(Function, List)} that throws with every problem listed; for tests and tools. */
    public static WeChatConfig read(Function<String, Optional<String>> source) {
        List<String> problems = new ArrayList<>();
        WeChatConfig config = read(source, problems);
        Problems.throwIfAny("WeChat login is misconfigured", problems);
        return config;
    }

    /** Keeps the secret out of logs and exception messages. */
    @Override
    public String toString() {
        return "WeChatConfig[appId=" + appId + ", appSecret=***, openBaseUrl=" + openBaseUrl
                + ", apiBaseUrl=" + apiBaseUrl + ", scope=" + scope + ", firstLogin=" + firstLogin + "]";
    }
}
