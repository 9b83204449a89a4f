package io.wxbind.auth;

import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.db.DatabaseOutage;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * API callers get a 401 JSON body instead of a redirect to WeChat they could not follow, with
 * the {@code WWW-Authenticate} challenge of RFC 6750 (§3) so a client knows bearer tokens work here.
 */
final class ApiRequests {

    private static final String UNAUTHORIZED_BODY =
            "{\"error\":\"not_authenticated\",\"message\":\"Log in first: open this site in WeChat or sign in with WeChat.\"}";

    private ApiRequests() {
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return path.startsWith("/api/") || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
    }

    static AuthenticationStatus unauthorized(HttpServletResponse response) {
        return send(response, "Bearer", UNAUTHORIZED_BODY);
    }

    /** A bearer token that is malformed, unknown, expired or revoked; {@code message} is one of our own sentences. */
    static AuthenticationStatus invalidToken(HttpServletResponse response, String message) {
        return send(response, "Bearer error=\"invalid_token\"",
                "{\"error\":\"invalid_token\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    /** PostgreSQL cannot be reached: 503 with {@code Retry-After}; the caller may simply try again. */
    static AuthenticationStatus databaseUnavailable(HttpServletResponse response) {
        response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        return send(response, 503, null, "{\"error\":\"database_unavailable\",\"message\":\""
                + FlowProblem.DATABASE_UNAVAILABLE.message() + "\"}");
    }

    private static AuthenticationStatus send(HttpServletResponse response, String challenge, String body) {
        return send(response, 401, challenge, body);
    }

    private static AuthenticationStatus send(HttpServletResponse response, int status, String challenge, String body) {
        try {
            response.setStatus(status);
            if (challenge != null) {
                response.setHeader("WWW-Authenticate", challenge);
            }
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
