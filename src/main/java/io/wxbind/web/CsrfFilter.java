package io.wxbind.web;

import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.auth.OriginCheck;
import io.wxbind.auth.flow.FlowProblem;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refuses, before any servlet or JAX-RS resource runs, a state-changing request that rides on
 * our cookies without coming from our own pages ({@link OriginCheck}): 403 with
 * {@code {"error":"csrf",...}} for API and script requests, else the problem page; an audit
 * entry (REFUSED, reason {@code csrf}). Also answers 415 to a body sent to {@code /api/} that is
 * not JSON: our APIs read JSON only, and a cross-site form can send any other type without a
 * preflight.
 *
 * <p>Why a filter and a check in the mechanism: Jakarta Security runs the mechanism before any
 * filter, and the mechanism itself acts on some requests (the bind form's POST binds and logs
 * in). So the mechanism asks {@link OriginCheck} first and runs none of its steps on a refused
 * request (it only restores an existing session, which changes nothing); this filter then
 * gives the answer, for the mechanism's paths and every other one alike. Registered by
 * {@link WxBindWebSetup} only when WxBind is defined, mapped before the application's own filters;
 * async-capable, or the SSE resources behind it fail.
 */
public class CsrfFilter extends HttpFilter {

    public static final String NAME = "wxbind-csrf";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CsrfFilter.class.getName());
    private static final String CHECKED = CsrfFilter.class.getName() + ".checked";
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    transient OriginCheck origins;

    @Inject
    transient Event<AuditEvent> audit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(CHECKED) == null) { // once, should a host map it a second time
            request.setAttribute(CHECKED, Boolean.TRUE);
            OriginCheck.Verdict verdict = origins.check(request);
            if (!verdict.allowed()) {
                refuse(request, response, verdict);
                return;
            }
            if (isNonJsonApiBody(request)) {
                sendJson(response, 415, "unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, OriginCheck.Verdict verdict) throws IOException {
        String account = request.getUserPrincipal() != null ? request.getUserPrincipal().getName() : null;
        LOG.fine(() -> "CSRF: refused " + request.getMethod() + " " + request.getRequestURI() + " (" + verdict + ")");
        try {
            audit.fire(AuditEvent.of(AuditKind.REFUSED, account).withReason("csrf"));
        } catch (RuntimeException e) { // the refusal stands even if recording it failed
            LOG.log(Level.WARNING, "CSRF refusal could not be audited", e);
        }
        if (wantsJson(request)) {
            sendJson(response, FlowProblem.CSRF.status(), FlowProblem.CSRF.code(), verdict.message() + " Nothing was changed.");
        } else {
            ProblemPage.send(request, response, FlowProblem.CSRF, null);
        }
    }

    /** A body sent to the API in anything but JSON. Requests without a body pass. */
    static boolean isNonJsonApiBody(HttpServletRequest request) {
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!hasBody || !OriginCheck.isUnsafe(request.getMethod()) || !OriginCheck.path(request).startsWith("/api/")) {
            return false;
        }
        String type = request.getContentType();
        String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return !(media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json")));
    }

    /** API paths and script requests (fetch/XHR) get JSON; a page navigation gets the problem page. */
    static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        String type = request.getContentType();
        return OriginCheck.path(request).startsWith("/api/")
                || (accept != null && accept.contains("application/json") && !accept.contains("text/html"))
                || request.getHeader("X-Requested-With") != null
                || "empty".equals(request.getHeader("Sec-Fetch-Dest"))
                || (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json"));
    }

    private static void sendJson(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.createObjectBuilder().add("error", error).add("message", message).build().toString()
                .getBytes(StandardCharsets.UTF_8));
    }
}
