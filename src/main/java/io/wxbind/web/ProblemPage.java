package io.wxbind.web;

import io.wxbind.auth.flow.LoginProblem;
import io.wxbind.auth.WeChatAuthenticationMechanism;
import io.wxbind.auth.flow.FlowProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The page for a {@link FlowProblem}: what happened, that nothing was changed, how to go on. */
public final class ProblemPage {

    private ProblemPage() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, LoginProblem problem, String returnTo)
            throws IOException {
        send(request, response, problem, returnTo, "");
    }

    /** A 429 problem with {@code Retry-After} and the wait in words ({@code waitText}, e.g. "3 minutes"). */
    public static void sendThrottled(HttpServletRequest request, HttpServletResponse response, LoginProblem problem,
            long retryAfterSeconds, String waitText) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        send(request, response, problem, null, " <span id=\"retry-after\">Please try again in " + Html.esc(waitText) + ".</span>");
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, LoginProblem problem, String returnTo,
            String afterMessageHtml) throws IOException {
        String home = request.getContextPath() + "/";
        Object loginPath = request.getServletContext().getAttribute(WxBindWebSetup.LOGIN_PATH_ATTRIBUTE);
        String again = request.getContextPath() + (loginPath != null ? loginPath : WeChatAuthenticationMechanism.LOGIN_PATH) + "?"
                + WeChatAuthenticationMechanism.RETURN_TO + "=" + Html.url(returnTo != null ? returnTo : home);
        String actions = problem == FlowProblem.BAD_RETURN_URL || problem == FlowProblem.CSRF
                ? "<a class=\"btn\" href=\"" + Html.esc(home) + "\">Home</a>"
                : "<a class=\"btn\" href=\"" + Html.esc(again) + "\">Start again</a> "
                        + "<a class=\"btn secondary\" href=\"" + Html.esc(home) + "\">Home</a>";
        Html.send(response, problem.status(), problem.title(),
                "<div class=\"card\"><p>" + Html.esc(problem.message()) + afterMessageHtml + "</p><p>" + actions + "</p>"
                        + "<p class=\"muted\">Error code: <code id=\"error-code\">" + problem.code() + "</code></p></div>");
    }

    /** A generic page for HTTP errors that are not flow problems (404, 405, 500). */
    public static void sendStatus(HttpServletResponse response, int status, String title, String message, String home)
            throws IOException {
        Html.send(response, status, title, "<div class=\"card\"><p>" + Html.esc(message) + "</p><p><a class=\"btn\" href=\""
                + Html.esc(home) + "\">Home</a></p><p class=\"muted\">Error code: <code id=\"error-code\">http_" + status
                + "</code></p></div>");
    }
}
