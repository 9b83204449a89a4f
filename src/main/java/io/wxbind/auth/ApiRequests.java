package io.wxbind.auth;

import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.db.DatabaseOutage;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API callers get a 401 JSON body instead of a redirect to WeChat they could not follow, with
 * the {@code WWW-Authenticate} challenge of RFC 6750 (§3) so a client knows bearer tokens work here:
 * {@code Bearer realm="wxbind", error="invalid_token"} whether the token is missing or bad, which
 * is what a lazy-login client ({@code wxbind-client.js}) waits for before it logs in and retries.
 */
public final class ApiRequests {

    private static final String UNAUTHORIZED_BODY =
            "{\"error\":\"not_authenticated\",\"message\":\"Log in first: open this site in WeChat or sign in with WeChat.\"}";

    public static final String CHALLENGE = "Bearer realm=\"wxbind\", error=\"invalid_token\"";

    private ApiRequests() {
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return path.startsWith("/api/") || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
    }

    static AuthenticationStatus unauthorized(HttpServletResponse response) {
        return send(response, CHALLENGE, UNAUTHORIZED_BODY);
    }

    /** A bearer token that is malformed, unknown, expired or revoked; {@code message} is one of our own sentences. */
    static AuthenticationStatus invalidToken(HttpServletResponse response, String message) {
        return send(response, CHALLENGE,
                "{\"error\":\"invalid_token\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    /** PostgreSQL cannot be reached: 503 with {@code Retry-After}; the caller may simply try again. */
    static AuthenticationStatus databaseUnavailable(HttpServletResponse response) {
        return send(response, 503, null, "{\"error\":\"database_unavailable\",\"message\":\""
                + FlowProblem.DATABASE_UNAVAILABLE.message() + "\"}");
    }

    private static AuthenticationStatus send(HttpServletResponse response, String challenge, String body) {
        return send(response, 401, challenge, body);
    }

    private static AuthenticationStatus send(HttpServletResponse response, int status, String challenge, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (challenge != null) {
            headers.put("WWW-Authenticate", challenge);
        }
        if (status == 503) {
            headers.put("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        }
        headers.put("Cache-Control", "no-store");
        ApiErrorAnswer answer = new ApiErrorAnswer(status, headers, body);
        answer.writeTo(response);
        answer.leaveOnRequest(); // for the error page, where WildFly sends this answer (sendError drops it)
        return AuthenticationStatus.SEND_FAILURE;
    }
}
