package io.wxbind.auth;

import io.wxbind.auth.flow.LoginProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * What the mechanism decided for a WxBind path, left as a request attribute for the servlet
 * that renders it: the mechanism decides, the servlet draws the page or redirects.
 */
public sealed interface FlowOutcome {

    String ATTRIBUTE = FlowOutcome.class.getName();

    /** Logged in: send the browser to {@code returnTo}. */
    record LoggedIn(String returnTo) implements FlowOutcome {
    }

    /** Show a problem page with the problem's status. */
    record Problem(LoginProblem problem, String startAgainReturnTo) implements FlowOutcome {
    }

    /** Show the bind form again, with an error (e.g. wrong password). */
    record BindFormError(String rawTicket, String message, int status) implements FlowOutcome {
    }

    /** Refused for too many wrong guesses: the problem page with {@code Retry-After} and the wait ("3 minutes"). */
    record Throttled(LoginProblem problem, long retryAfterSeconds, String waitText) implements FlowOutcome {
    }

    default void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    static Optional<FlowOutcome> of(HttpServletRequest request) {
        return Optional.ofNullable((FlowOutcome) request.getAttribute(ATTRIBUTE));
    }
}
