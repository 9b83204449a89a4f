package io.wxbind.web;

import io.wxbind.auth.FlowOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Turns the mechanism's {@link FlowOutcome} into a redirect or a page. */
final class FlowOutcomeRenderer {

    private FlowOutcomeRenderer() {
    }

    static void render(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FlowOutcome outcome = FlowOutcome.of(request).orElse(null);
        if (outcome instanceof FlowOutcome.LoggedIn in) {
            redirectAfterPost(request, response, in.returnTo());
        } else if (outcome instanceof FlowOutcome.Problem p) {
            ProblemPage.send(request, response, p.problem(), p.startAgainReturnTo());
        } else if (outcome instanceof FlowOutcome.Throttled t) {
            ProblemPage.sendThrottled(request, response, t.problem(), t.retryAfterSeconds(), t.waitText());
        } else if (outcome instanceof FlowOutcome.BindFormError e) {
            BindServlet.sendForm(request, response, e.rawTicket(), e.message(), e.status());
        } else {
            // Already logged in (the session was applied before the mechanism ran): go home.
            response.sendRedirect(request.getContextPath() + "/");
        }
    }

    /** 303 so that a reload of the landing page never re-posts the form. */
    static void redirectAfterPost(HttpServletRequest request, HttpServletResponse response, String location) {
        response.setStatus("POST".equals(request.getMethod()) ? HttpServletResponse.SC_SEE_OTHER : HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
    }
}
