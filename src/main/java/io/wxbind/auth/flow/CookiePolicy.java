package io.wxbind.auth.flow;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How this app sets its cookies (the browser binding, the session, any flow cookie): always
 * {@code HttpOnly} and {@code SameSite=Lax} (the top-level redirect back from WeChat is
 * cross-site and must carry them; a cross-site POST must not); {@code Secure} when the public
 * URL is https. That is a setting ({@code wxbind.cookie.secure}, else the scheme of
 * {@code wechat.public-base-url}), not {@code request.isSecure()}, which is false behind a
 * TLS-terminating proxy. A secure cookie of ours is named {@code __Host-<name>} with
 * {@code Path=/} and no domain: the browser then refuses it from a sibling subdomain or plain
 * http (cookie tossing), and we read only that name.
 *
 * <p>Decided once at deployment ({@code io.wxbind.config.SecurityConfig}); the web layer puts it into the
 * {@link ServletContext} ({@link #publish}) so that static helpers such as {@link BrowserBinding}
 * find it with {@link #of(HttpServletRequest)}.
 */
public record CookiePolicy(boolean secure) {

    /** http only, e.g. the demo and the tests. Also what a request sees if nothing was published. */
    public static final CookiePolicy PLAIN = new CookiePolicy(false);

    public static final String HOST_PREFIX = "__Host-";

    private static final String ATTRIBUTE = CookiePolicy.class.getName();

    /** The policy published for this application, else {@link #PLAIN}. */
    public static CookiePolicy of(HttpServletRequest request) {
        ServletContext context = request.getServletContext();
        return context != null && context.getAttribute(ATTRIBUTE) instanceof CookiePolicy p ? p : PLAIN;
    }

    public void publish(ServletContext context) {
        context.setAttribute(ATTRIBUTE, this);
    }

    /** The name on the wire for one of our cookies. */
    public String name(String baseName) {
        return secure ? HOST_PREFIX + baseName : baseName;
    }

    /** A cookie of ours with every attribute; scoped to the app's context path unless {@code __Host-} needs "/". */
    public Cookie cookie(HttpServletRequest request, String baseName, String value) {
        Cookie cookie = new Cookie(name(baseName), value);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure || request.isSecure()); // a TLS request never hurts; the name follows the setting only
        cookie.setPath(secure || request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    /** The same cookie, expired: to delete one. */
    public Cookie expired(HttpServletRequest request, String baseName) {
        Cookie cookie = cookie(request, baseName, "");
        cookie.setMaxAge(0);
        return cookie;
    }

    /** The value the browser sent under our name for {@code baseName} (never the other naming). */
    public Optional<String> read(HttpServletRequest request, String baseName) {
        return values(request, baseName).findFirst();
    }

    /** Every value sent under that name (a browser may hold several, e.g. for different paths). */
    public Stream<String> values(HttpServletRequest request, String baseName) {
        Cookie[] cookies = request.getCookies();
        String wanted = name(baseName);
        return cookies == null ? Stream.empty() : Arrays.stream(cookies).filter(c -> wanted.equals(c.getName())).map(Cookie::getValue);
    }

    /**
     * The container's session cookie: {@code HttpOnly}, {@code SameSite=Lax} unless the
     * deployment descriptor already chose a SameSite value (a host portal may need another),
     * {@code Secure} when this policy is. Never {@code setSecure(false)}: that would turn off a
     * container's "Secure when the request came over TLS" default (Payara's does). Only while
     * the context is starting. Payara 6 ignores the SameSite attribute of this config for the
     * session cookie; {@code WEB-INF/glassfish-web.xml} sets it there.
     */
    public void applyTo(SessionCookieConfig session) {
        session.setHttpOnly(true);
        if (secure) {
            session.setSecure(true);
        }
        if (session.getAttribute("SameSite") == null) {
            session.setAttribute("SameSite", "Lax");
        }
    }
}
