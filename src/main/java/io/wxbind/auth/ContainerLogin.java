package io.wxbind.auth;

import io.wxbind.auth.flow.LoginProblem;
import io.wxbind.account.StampedAccount;
import io.wxbind.auth.flow.FlowProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * How every step ends, the {@link LoginEntry}s of the features too: a login the container is
 * told about (new session id), or a problem page. Every login passes {@link LoginAdmission}
 * here, whichever proof it came with: the account must exist and be enabled, its groups come
 * from the account directory, and the session keeps the account's security stamp.
 */
@ApplicationScoped
public class ContainerLogin {

    private static final Logger LOG = Logger.getLogger(ContainerLogin.class.getName());

    @Inject
    LoginAdmission admission;

    @Inject
    LoginAudit audit;

    public AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context, CredentialValidationResult caller,
            LoginMethod method, String returnTo) {
        // Every step ends here, so none can skip the admission.
        Optional<StampedAccount> admitted = admission.admit(caller.getCallerPrincipal().getName(), method);
        if (admitted.isEmpty()) {
            return problem(request, context, FlowProblem.ACCOUNT_UNAVAILABLE, null);
        }
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation across the login
        }
        StampedAccount account = admitted.get();
        AuthenticationStatus status = context.notifyContainerAboutLogin(caller.getCallerPrincipal(), account.account().groups());
        new SessionLogin(account.account().name(), account.account().groups(), method, Instant.now(), account.stamp()).store(request);
        new FlowOutcome.LoggedIn(returnTo).attachTo(request);
        audit.loggedIn(caller.getCallerPrincipal().getName(), method);
        LOG.fine(() -> "step 3: logged in via " + method);
        return status;
    }

    public AuthenticationStatus problem(HttpServletRequest request, HttpMessageContext context, LoginProblem problem, String returnTo) {
        new FlowOutcome.Problem(problem, returnTo).attachTo(request);
        audit.refused(problem);
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
