package io.wxbind.auth;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** API callers get a 401 JSON body instead of a redirect to WeChat they could not follow. */
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
        try {
            response.setStatus(401);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(UNAUTHORIZED_BODY.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
