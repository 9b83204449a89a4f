package io.wxbind.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;

/**
 * Which requests are WxBind's when the host keeps its own login mechanism: everything under
 * {@code /wechat/} (callback, login, bind, confirm, QR and push pages) and the definition's own
 * login/bind/callback paths, a request of a browser already logged in through WxBind, WeChat's
 * in-app browser ({@code MicroMessenger} in its User-Agent, on any page, so protected pages send
 * it to WeChat login), and {@code Authorization: Bearer} when bearer tokens are on. The rest
 * belongs to the host's mechanism.
 */
record WeChatRequests(Set<String> paths, boolean bearerTokens) {

    static final String PREFIX = "/wechat/";
    static final String WECHAT_BROWSER = "micromessenger";

    static WeChatRequests of(WeChatAuthenticationMechanismDefinition d) {
        return new WeChatRequests(Set.copyOf(java.util.List.of(d.loginPath(), d.bindPath(), d.callbackPath())), d.bearerTokens());
    }

    boolean isWeChat(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(PREFIX) || paths.contains(path)) {
            return true;
        }
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.toLowerCase(Locale.ROOT).contains(WECHAT_BROWSER)) {
            return true;
        }
        String authorization = request.getHeader("Authorization");
        if (bearerTokens && authorization != null && authorization.regionMatches(true, 0, "Bearer", 0, 6)) {
            return true;
        }
        return SessionLogin.stored(request).isPresent();
    }
}
