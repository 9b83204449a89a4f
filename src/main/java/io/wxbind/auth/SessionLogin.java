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
 * {@code stamp} is the account's security stamp at login ({@code io.wxbind.account.SecurityStamps}):
 * the session ends once it changes. The stored {@code groups} are those of the login; each request
 * gets the account's groups of that moment on its own copy ({@link SessionRestore}).
 * A request authenticated by a bearer token gets one too ({@link LoginMethod#API_TOKEN}), kept
 * on that request only ({@link #attachTo}), never in a session.
 */
public record SessionLogin(String caller, Set<String> groups, LoginMethod method, Instant at, String stamp) implements Serializable {

    private static final String ATTRIBUTE = SessionLogin.class.getName();

    public SessionLogin withGroups(Set<String> current) {
        return new SessionLogin(caller, current, method, at, stamp);
    }

    /** The same login under a new stamp: the session that changed the password stays logged in. */
    public SessionLogin withStamp(String newStamp) {
        return new SessionLogin(caller, groups, method, at, newStamp);
    }

    public void store(HttpServletRequest request) {
        request.getSession(true).setAttribute(ATTRIBUTE, this);
    }

    /** For this request only (a bearer token): creates no session, and wins over one the request may also carry. */
    public void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** What this session's login recorded, if any; the mechanism restores the caller from it. */
    public static Optional<SessionLogin> stored(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((SessionLogin) session.getAttribute(ATTRIBUTE));
    }

    /** Only when it belongs to the caller the container currently knows; this request's own login first. */
    public static Optional<SessionLogin> of(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            return Optional.empty();
        }
        String caller = request.getUserPrincipal().getName();
        if (request.getAttribute(ATTRIBUTE) instanceof SessionLogin onRequest) {
            return Optional.of(onRequest).filter(l -> l.caller().equals(caller));
        }
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((SessionLogin) session.getAttribute(ATTRIBUTE)).filter(l -> l.caller().equals(caller));
    }
}
