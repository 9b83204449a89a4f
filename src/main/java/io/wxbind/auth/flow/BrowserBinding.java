package io.wxbind.auth.flow;

import io.wxbind.util.SecureTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Binds pending flow state to one browser: a random cookie whose SHA-256 is signed into the
 * pending login ({@link PendingLoginCodec}) and stored with the bind ticket. A state or ticket
 * that reaches us from another browser (a shared link, a login CSRF) does not match.
 * The cookie's attributes and its name ({@value #COOKIE},
 * or {@code __Host-}{@value #COOKIE} when cookies are secure) follow {@link CookiePolicy}.
 */
public final class BrowserBinding {

    /** The base name; on the wire it is {@code CookiePolicy.of(request).name(COOKIE)}. */
    public static final String COOKIE = "WXBIND_BROWSER";

    private BrowserBinding() {
    }

    private static final String FRESH = BrowserBinding.class.getName() + ".fresh";

    /** The hash for this browser, creating the cookie when it has none yet. */
    public static String ensure(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> existing = raw(request);
        if (existing.isPresent()) {
            return SecureTokens.sha256Hex(existing.get());
        }
        String value = SecureTokens.alphanumeric(43);
        request.setAttribute(FRESH, value); // later calls in this request see the cookie just set
        // Lax (CookiePolicy): the top-level redirect back from WeChat is cross-site and must carry it.
        response.addCookie(CookiePolicy.of(request).cookie(request, COOKIE, value));
        return SecureTokens.sha256Hex(value);
    }

    /** The hash for this browser, or empty when it sent no (well-formed) cookie. */
    public static Optional<String> hash(HttpServletRequest request) {
        return raw(request).map(SecureTokens::sha256Hex);
    }

    /** The cookie's value: the one the browser sent, or the one set earlier in this request. Package-private: never leaves the server. */
    static Optional<String> raw(HttpServletRequest request) {
        if (request.getAttribute(FRESH) instanceof String fresh) {
            return Optional.of(fresh);
        }
        return rawValue(request);
    }

    private static Optional<String> rawValue(HttpServletRequest request) {
        return CookiePolicy.of(request).values(request, COOKIE).filter(SecureTokens::looksLikeToken).findFirst();
    }
}
