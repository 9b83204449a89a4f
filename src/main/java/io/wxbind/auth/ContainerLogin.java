package io.wxbind.auth;

import io.wxbind.auth.flow.FlowProblem;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.logging.Logger;

/** How every step ends: a login the container is told about (new session id), or a problem page. */
final class ContainerLogin {

    private static final Logger LOG = Logger.getLogger(ContainerLogin.class.getName());

    private ContainerLogin() {
    }

    static AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context, CredentialValidationResult caller,
            LoginMethod method, String returnTo) {
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation across the login
        }
        AuthenticationStatus status = context.notifyContainerAboutLogin(caller);
        new SessionLogin(caller.getCallerPrincipal().getName(), caller.getCallerGroups(), method, Instant.now()).store(request);
        new FlowOutcome.LoggedIn(returnTo).attachTo(request);
        LOG.fine(() -> "step 3: logged in via " + method);
        return status;
    }

    static AuthenticationStatus problem(HttpServletRequest request, HttpMessageContext context, FlowProblem problem, String returnTo) {
        new FlowOutcome.Problem(problem, returnTo).attachTo(request);
        return context.doNothing();
    }

    /**
     * PostgreSQL cannot be reached: the container's 503 error page draws the problem left on the
     * request ({@code io.wxbind.web.ErrorServlet}), as for any page; the mechanism draws nothing.
     */
    static AuthenticationStatus databaseUnavailable(HttpServletRequest request, HttpServletResponse response) {
        new FlowOutcome.Problem(FlowProblem.DATABASE_UNAVAILABLE, null).attachTo(request);
        try {
            response.sendError(FlowProblem.DATABASE_UNAVAILABLE.status());
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    static boolean isBlankOrLong(String value, int max) {
        return value == null || value.isBlank() || value.length() > max;
    }
}
