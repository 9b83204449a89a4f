package io.wxbind.auth.flow;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;

/**
 * Binds pending flow state to one browser: a random cookie whose SHA-256 is stored with the
 * state and the bind ticket. A state or ticket that reaches us from another browser (a shared
 * link, a login CSRF) does not match.
 */
public final class BrowserBinding {

    public static final String COOKIE = "WXBIND_BROWSER";

    private BrowserBinding() {
    }

    /** The hash for this browser, creating the cookie when it has none yet. */
    public static String ensure(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> existing = rawValue(request);
        if (existing.isPresent()) {
            return SecureTokens.sha256Hex(existing.get());
        }
        String value = SecureTokens.alphanumeric(43);
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        // Lax: the top-level redirect back from WeChat is cross-site and must carry it.
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return SecureTokens.sha256Hex(value);
    }

    /** The hash for this browser, or empty when it sent no (well-formed) cookie. */
    public static Optional<String> hash(HttpServletRequest request) {
        return rawValue(request).map(SecureTokens::sha256Hex);
    }

    private static Optional<String> rawValue(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue)
                .filter(SecureTokens::looksLikeToken).findFirst();
    }
}
