package io.wxbind.auth.flow;

import io.wxbind.util.SecureTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The anti-CSRF token of our forms: derived from this browser's {@link BrowserBinding} cookie,
 * which is {@code HttpOnly}, so another site can neither read nor compute it. Nothing is stored;
 * any node checks it. Distinct from the cookie's stored hash, so a database reader cannot
 * derive it either.
 */
public final class FormTokens {

    /** The form field that carries it. */
    public static final String FIELD = "csrf";

    /** The header that carries it on script requests (a page cannot set it cross-site without a CORS preflight). */
    public static final String HEADER = "X-CSRF-Token";

    private FormTokens() {
    }

    /** The token for this browser, creating its cookie when it has none yet (a page that shows a form). */
    public static String of(HttpServletRequest request, HttpServletResponse response) {
        BrowserBinding.ensure(request, response);
        return BrowserBinding.raw(request).map(FormTokens::derive).orElseThrow();
    }

    /** The hidden input to put in a form. */
    public static String hiddenField(HttpServletRequest request, HttpServletResponse response) {
        return "<input type=\"hidden\" name=\"" + FIELD + "\" value=\"" + of(request, response) + "\">";
    }

    /** Whether the request carries the token of the browser that sent it, in the header or else the form field. */
    public static boolean valid(HttpServletRequest request) {
        Optional<String> expected = BrowserBinding.raw(request).map(FormTokens::derive);
        if (expected.isEmpty()) {
            return false;
        }
        String sent = request.getHeader(HEADER);
        return SecureTokens.constantTimeEquals(expected.get(), sent != null ? sent : request.getParameter(FIELD));
    }

    private static String derive(String rawCookie) {
        return SecureTokens.sha256Hex("wxbind-form|" + rawCookie);
    }
}
