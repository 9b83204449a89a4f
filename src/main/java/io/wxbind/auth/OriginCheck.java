package io.wxbind.auth;

import io.wxbind.auth.flow.FormTokens;
import io.wxbind.config.ReturnOrigins;
import io.wxbind.config.WeChatConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The CSRF decision: may this request change state on behalf of the cookies it carries? A
 * state-changing request (POST, PUT, PATCH, DELETE) that carries a cookie and no
 * {@code Authorization: Bearer} must come from our own origin:
 * <ol>
 * <li>{@code Sec-Fetch-Site} (set by the browser, unforgeable by a page) is {@code same-origin}
 *     or {@code none}; any other value is refused, {@code same-site} too (a sibling subdomain is
 *     another origin);</li>
 * <li>else {@code Origin} equals our origin: that of {@code wechat.public-base-url} when set
 *     (behind a proxy the request's own host is the internal one), else the request's
 *     {@code scheme://host:port};</li>
 * <li>else (no header, or {@code Origin: null}: old browsers, privacy modes) the form token of
 *     this browser ({@link FormTokens}, field or header) must come with it.</li>
 * </ol>
 * Form posts (urlencoded, multipart) outside {@code /api/} must carry the form token even from
 * our own origin: every form we render has it, and it covers browsers whose headers we cannot
 * trust. Exempt: requests without cookies (nothing to ride on), bearer requests (a page cannot
 * set that header cross-site without a CORS preflight, which we never grant) and WeChat's
 * signed server-to-server pushes. Any cookie counts, not just the session's: each cookie of ours
 * (session, browser binding, flow state) can authorise something, and a host's session cookie
 * name varies.
 *
 * <p>Used twice: by the mechanism, so that no step of its own (bind form, callback, link, QR
 * login) acts on a refused request, and by {@code io.wxbind.web.CsrfFilter}, which answers it
 * 403 before any servlet or resource runs.
 */
@ApplicationScoped
public class OriginCheck {

    /** WeChat's event push: server to server, signed; see {@code io.wxbind.push}. */
    public static final String PUSH_PATH = "/wechat/push/";

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Why a request was let through or refused; stable names (tests, logs). */
    public enum Verdict {
        /** Not a state-changing request riding on cookies: nothing to check. */
        EXEMPT(true, null),
        SAME_ORIGIN(true, null),
        /** No origin information, but this browser's form token. */
        FORM_TOKEN(true, null),
        CROSS_SITE(false, "The browser reported that this request came from another site."),
        FOREIGN_ORIGIN(false, "This request came from another site."),
        UNKNOWN_ORIGIN(false, "The request did not say which site it came from, and it carried no form token."),
        FORM_TOKEN_MISSING(false, "This form was sent without its security token. Reload the page and try again.");

        private final boolean allowed;
        private final String message;

        Verdict(boolean allowed, String message) {
            this.allowed = allowed;
            this.message = message;
        }

        public boolean allowed() {
            return allowed;
        }

        /** For the refusal page; null when allowed. */
        public String message() {
            return message;
        }
    }

    @Inject
    WeChatConfig config;

    public Verdict check(HttpServletRequest request) {
        return decide(request, config.publicBaseUrl());
    }

    /** The whole decision; {@code publicBaseUrl} may be null. */
    public static Verdict decide(HttpServletRequest request, URI publicBaseUrl) {
        if (!appliesTo(request)) {
            return Verdict.EXEMPT;
        }
        Verdict origin = origin(request, publicBaseUrl);
        if (origin == Verdict.SAME_ORIGIN && isForm(request) && !path(request).startsWith("/api/") && !FormTokens.valid(request)) {
            return Verdict.FORM_TOKEN_MISSING;
        }
        return origin;
    }

    /** POST, PUT, PATCH, DELETE: the methods that may change state. */
    public static boolean isUnsafe(String method) {
        return UNSAFE.contains(method);
    }

    static boolean appliesTo(HttpServletRequest request) {
        var cookies = request.getCookies();
        return isUnsafe(request.getMethod()) && cookies != null && cookies.length > 0
                && !BearerEntry.applies(request) && !path(request).startsWith(PUSH_PATH);
    }

    private static Verdict origin(HttpServletRequest request, URI publicBaseUrl) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equalsIgnoreCase("same-origin") || site.equalsIgnoreCase("none") ? Verdict.SAME_ORIGIN : Verdict.CROSS_SITE;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals("null")) {
            String ours = publicBaseUrl != null ? ReturnOrigins.originOf(publicBaseUrl) : ownOrigin(request);
            return ours.equals(normalised(origin)) ? Verdict.SAME_ORIGIN : Verdict.FOREIGN_ORIGIN; // null never equals
        }
        return FormTokens.valid(request) ? Verdict.FORM_TOKEN : Verdict.UNKNOWN_ORIGIN;
    }

    /** The origin the browser addressed: scheme, Host header, port. */
    static String ownOrigin(HttpServletRequest request) {
        try {
            return ReturnOrigins.originOf(new URI(request.getScheme(), null, request.getServerName(), request.getServerPort(), null, null, null));
        } catch (URISyntaxException e) {
            return ""; // a Host header that is no host matches no Origin
        }
    }

    /** An {@code Origin} value as scheme://host[:port], or null when it is not one. */
    private static String normalised(String origin) {
        try {
            URI uri = new URI(origin);
            if (uri.getHost() != null && (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                    && uri.getRawUserInfo() == null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return ReturnOrigins.originOf(uri);
            }
        } catch (URISyntaxException e) {
            // falls through
        }
        return null;
    }

    /** The encodings of our HTML forms (a cross-site form may also send text/plain: the origin rules refuse that). */
    static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String t = type.toLowerCase(Locale.ROOT);
        return t.startsWith("application/x-www-form-urlencoded") || t.startsWith("multipart/form-data");
    }

    /** The path the container mapped (decoded and normalised, unlike the raw request URI). */
    public static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String info = request.getPathInfo();
        return (servletPath == null ? "" : servletPath) + (info == null ? "" : info);
    }
}
