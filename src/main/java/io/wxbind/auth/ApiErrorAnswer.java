package io.wxbind.auth;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON answer the mechanism gave an API caller (401 with its {@code WWW-Authenticate}, 503
 * with {@code Retry-After}), also left on the request. WildFly's Undertow answers a mechanism's
 * {@code SEND_FAILURE} with {@code sendError}, which drops the body and dispatches to the
 * {@code web.xml} error page; {@code io.wxbind.web.ErrorServlet} sends this answer again from
 * there. Payara keeps the body and never dispatches.
 *
 * @param headers header name → value, set again by {@link #writeTo}
 */
public record ApiErrorAnswer(int status, Map<String, String> headers, String json) {

    public static final String ATTRIBUTE = ApiErrorAnswer.class.getName();

    public static Optional<ApiErrorAnswer> of(HttpServletRequest request) {
        return Optional.ofNullable((ApiErrorAnswer) request.getAttribute(ATTRIBUTE));
    }

    /** Writes status, headers and body; an I/O error means the client went away. */
    public void writeTo(HttpServletResponse response) {
        try {
            response.setStatus(status);
            headers.forEach(response::setHeader);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // nothing to tell a client that is gone
        }
    }

    /**
     * Leaves this answer on the current request, found through CDI's built-in request bean (the
     * mechanism's helpers get only the response). Outside a container (unit tests) there is none.
     */
    void leaveOnRequest() {
        try {
            CDI.current().select(HttpServletRequest.class).get().setAttribute(ATTRIBUTE, this);
        } catch (RuntimeException e) {
            // no CDI container or no active request: nothing will dispatch to an error page either
        }
    }
}
