package io.wxbind.auth;

import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.config.MechanismConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Flow step 4, policy bind: the bind form was posted with the ticket and a proof of account
 * ownership. {@link BindAttempts} makes the try (limits, the ticket's tries, the proof, the
 * binding); this entry turns its outcome into the form again, a problem page or the login.
 */
@ApplicationScoped
@Priority(200)
public class BindFormEntry implements LoginEntry {

    @Inject
    MechanismConfig paths = MechanismConfig.DEFAULTS;

    @Inject
    ContainerLogin ends;

    @Inject
    BindAttempts attempts;

    @Override
    public boolean matches(HttpServletRequest request) {
        return LoginEntry.path(request).equals(paths.bindPath()) && "POST".equals(request.getMethod());
    }

    @Override
    public AuthenticationStatus handle(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String rawTicket = request.getParameter("ticket");
        BindAttempts.Outcome outcome = attempts.attempt(request, rawTicket, BrowserBinding.hash(request));
        if (outcome instanceof BindAttempts.Outcome.Incomplete incomplete) {
            if (!incomplete.ticketValid()) {
                return ends.problem(request, context, FlowProblem.TICKET_INVALID, null);
            }
            new FlowOutcome.BindFormError(rawTicket, "Please enter your username and password, or your phone and the 6-digit code.", 400)
                    .attachTo(request);
            return context.doNothing();
        }
        if (outcome instanceof BindAttempts.Outcome.Throttled throttled) {
            new FlowOutcome.Throttled(throttled.problem(), throttled.retryAfterSeconds(), throttled.waitText()).attachTo(request);
            return context.doNothing();
        }
        if (outcome instanceof BindAttempts.Outcome.Refused refused) {
            return ends.problem(request, context, refused.problem(), null);
        }
        if (outcome instanceof BindAttempts.Outcome.Wrong wrong) {
            new FlowOutcome.BindFormError(rawTicket, wrong.message(), 401).attachTo(request);
            return context.doNothing();
        }
        BindAttempts.Outcome.Bound bound = (BindAttempts.Outcome.Bound) outcome;
        return ends.login(request, context, bound.caller(), bound.method(), bound.ticket().returnTo());
    }
}
