package io.wxbind.auth;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One way into a login, contributed as a CDI bean by the package that owns it (STYLE §12): the
 * WeChat callback and the bind form (here), a bearer token (here), a chat bind link
 * ({@code io.wxbind.link}), a QR confirm link and QR-login completion ({@code io.wxbind.qr}).
 * {@link WeChatAuthenticationMechanism} asks the entries of a {@link Stage} in
 * {@code @Priority} order (lowest first, {@link io.wxbind.util.ByPriority}); the first that
 * matches decides the request.
 *
 * <p>How the next ones plug in: a mini-program or app login (a {@code wx.login} / SDK code posted
 * to its own path, exchanged server-side) is a {@link Stage#STEP} entry in its own package that
 * matches its path and ends like every other step, through {@link ContainerLogin#login} (the
 * account admission, the session, the audit) or {@link ContainerLogin#problem}, or answers JSON
 * itself. A credential such a client then sends on every call (a header, like a bearer token) is
 * a {@link Stage#CREDENTIAL} entry. Neither needs a change here.
 */
public interface LoginEntry {

    /** When the mechanism asks an entry. */
    enum Stage {
        /** A credential carried by every request (a bearer token): asked first, it wins over a session and creates none. */
        CREDENTIAL,
        /** A step of a login: asked only for a request without a live session that passed the CSRF check ({@link OriginCheck}). */
        STEP
    }

    default Stage stage() {
        return Stage.STEP;
    }

    /** Whether this entry decides the request; cheap, no I/O (most compare {@link #path}). */
    boolean matches(HttpServletRequest request);

    /** Decides the request: a login, a redirect, a problem left for the page ({@link FlowOutcome}), or an answer sent here. */
    AuthenticationStatus handle(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context);

    /** The request's path below the context root, as entries match it. */
    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
