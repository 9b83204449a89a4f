package io.wxbind.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What the mechanism records in the HTTP session at login, for pages and {@code /api/me}:
 * the container knows the caller and roles but not how they logged in or their group list.
 */
public record SessionLogin(String caller, Set<String> groups, LoginMethod method, Instant at) implements Serializable {

    private static final String ATTRIBUTE = SessionLogin.class.getName();

    public void store(HttpServletRequest request) {
        request.getSession(true).setAttribute(ATTRIBUTE, this);
    }

    /** What this session's login recorded, if any; the mechanism restores the caller from it. */
    public static Optional<SessionLogin> stored(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((SessionLogin) session.getAttribute(ATTRIBUTE));
    }

    /** Only when it belongs to the caller the container currently knows. */
    public static Optional<SessionLogin> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || request.getUserPrincipal() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((SessionLogin) session.getAttribute(ATTRIBUTE))
                .filter(l -> l.caller().equals(request.getUserPrincipal().getName()));
    }
}
