package io.wxbind.auth.remember;

import io.wxbind.auth.FlowOutcome;
import io.wxbind.auth.flow.CookiePolicy;
import io.wxbind.config.RememberMeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;

/**
 * The remember-me cookie, as the {@code @RememberMe} annotation on the WeChat mechanism reads it
 * through EL: its name, lifetime and {@code Secure} flag, and whether this request gets a token.
 * The interceptor's EL resolves no bean of the application by name (its bean manager is
 * Soteria's), so {@link RememberMeSetup} publishes this bean as the ServletContext attribute {@value #ATTRIBUTE},
 * which the expressions reach through {@code httpMessageContext.request.servletContext}. The interceptor (Soteria's, also on WildFly) sets the cookie itself:
 * {@code HttpOnly}, {@code Path} = the context path, no {@code SameSite} attribute (the annotation
 * has none; browsers then treat it as {@code Lax}), hence no {@code __Host-} name either.
 *
 * <p>Two choices of the interceptor are steered from here:
 * <ul>
 * <li>It issues a token whenever the mechanism returns SUCCESS with a caller, which includes every
 *     session restore and bearer request. {@link #issuesToken} says yes only for a fresh login: the
 *     mechanism's login step ({@code ContainerLogin}) leaves {@link FlowOutcome.LoggedIn} on the request.</li>
 * <li>It checks the cookie before the mechanism runs, and a valid one wins. A request with an
 *     {@code Authorization} header is decided by that header alone (bearer tokens), so for it
 *     {@link #cookieName} names a cookie that is never set: the interceptor finds none.</li>
 * </ul>
 */
@ApplicationScoped
public class RememberMeCookie {

    /** Where the {@code @RememberMe} expressions find this bean. */
    public static final String ATTRIBUTE = "wxbind.rememberMe";
    public static final String NAME = "WXBIND_REMEMBER_ME";
    /** Never set by anyone: what a request with an {@code Authorization} header is told to look for. */
    static final String NOT_FOR_HEADER_AUTH = "WXBIND_REMEMBER_ME_UNUSED";

    @Inject
    RememberMeConfig config;

    @Inject
    CookiePolicy cookies;

    @Inject
    RememberMeTokens tokens;


    public String cookieName(HttpMessageContext context) {
        return context.getRequest().getHeader("Authorization") == null ? NAME : NOT_FOR_HEADER_AUTH;
    }

    public int getMaxAgeSeconds() {
        return (int) config.maxAge().toSeconds();
    }

    /** {@code Secure} when the app's cookies are ({@code wxbind.cookie.secure}, else an https public URL). */
    public boolean isSecure() {
        return cookies.secure();
    }

    public boolean issuesToken(HttpMessageContext context) {
        return config.enabled() && context.getRequest().getHeader("Authorization") == null
                && FlowOutcome.of(context.getRequest()).orElse(null) instanceof FlowOutcome.LoggedIn;
    }

    /** Logout: this browser's token is deleted and its cookie cleared (also when the container's logout already did). */
    public void forget(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] sent = request.getCookies();
        if (sent == null) {
            return;
        }
        Arrays.stream(sent).filter(c -> NAME.equals(c.getName())).forEach(c -> tokens.remove(c.getValue()));
        if (Arrays.stream(sent).anyMatch(c -> NAME.equals(c.getName()))) {
            Cookie cleared = new Cookie(NAME, "");
            cleared.setMaxAge(0);
            cleared.setHttpOnly(true);
            cleared.setSecure(isSecure());
            cleared.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            response.addCookie(cleared);
        }
    }
}
