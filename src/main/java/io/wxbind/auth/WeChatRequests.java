package io.wxbind.auth;

import io.wxbind.config.MechanismConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;

/**
 * Which requests are WxBind's when the host keeps its own login mechanism: everything under
 * {@code /wechat/} (callback, login, bind, confirm, QR and push pages) and the configured
 * login/bind/callback paths, a request of a browser already logged in through WxBind, WeChat's
 * in-app browser ({@code MicroMessenger} in its User-Agent, on any page, so protected pages send
 * it to WeChat login), and {@code Authorization: Bearer} when bearer tokens are on. The rest
 * belongs to the host's mechanism, and so does the admin page ({@value #HOST_LOGIN_PAGE}): it is
 * for the host's administrators, who log in the host's way (one logged in through WxBind stays WxBind's).
 */
record WeChatRequests(Set<String> paths, boolean bearerTokens) {

    static final String PREFIX = "/wechat/";
    static final String WECHAT_BROWSER = "micromessenger";
    /** {@code io.wxbind.admin.AdminPageServlet#PATH}, named here as text: auth knows no feature. */
    static final String HOST_LOGIN_PAGE = "/wechat/admin";

    /** The paths and bearer switch in force: the definition's values, or MicroProfile Config's where set. */
    static WeChatRequests of(MechanismConfig m) {
        return new WeChatRequests(Set.of(m.loginPath(), m.bindPath(), m.callbackPath()), m.bearerTokens());
    }

    boolean isWeChat(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean adminPage = path.equals(HOST_LOGIN_PAGE) || path.startsWith(HOST_LOGIN_PAGE + "/");
        if ((path.startsWith(PREFIX) && !adminPage) || paths.contains(path)) {
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
