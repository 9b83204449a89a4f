package io.wxbind.web;

import io.wxbind.auth.flow.LoginProblem;
import io.wxbind.auth.ApiErrorAnswer;
import io.wxbind.auth.FlowOutcome;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.db.DatabaseOutage;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Target of the container's error pages: a short page for browsers, the JSON error shape for
 * {@code /api/}, never a stack trace. Unexpected exceptions are logged here, once; a database
 * outage is a 503 {@code database_unavailable} with a one-line warning (the pool reconnects), a
 * problem the mechanism left on the request (it answers by {@code sendError}) is drawn as its page,
 * and an API answer it left ({@link ApiErrorAnswer}: WildFly turns it into a {@code sendError}) is
 * sent again as it was.
 */
public class ErrorServlet extends HttpServlet {

    /** The error page of web.xml's <error-page> entries (a host may point its own at it too). */
    public static final String PATH = "/wechat/error";

    private static final Logger LOG = Logger.getLogger(ErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Integer status = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int code = status == null || status < 400 ? 500 : status;
        Optional<ApiErrorAnswer> apiAnswer = ApiErrorAnswer.of(request).filter(a -> error == null && a.status() == code);
        if (apiAnswer.isPresent()) { // the mechanism's JSON answer, which WildFly's sendError dropped
            apiAnswer.get().writeTo(response);
            return;
        }
        Optional<String> outage = error == null ? Optional.empty() : DatabaseOutage.in(error);
        Optional<LoginProblem> problem = outage.isPresent() ? Optional.of(FlowProblem.DATABASE_UNAVAILABLE)
                : FlowOutcome.of(request).filter(FlowOutcome.Problem.class::isInstance).map(o -> ((FlowOutcome.Problem) o).problem())
                        .filter(p -> p.status() == code); // the error it was sent for, not a later 405
        if (outage.isPresent()) {
            LOG.warning(() -> "database unavailable on " + uri + ", answered 503: " + outage.get());
        } else if (error != null) {
            LOG.log(Level.SEVERE, "unhandled error on " + uri, error);
        }
        if (problem.isPresent()) {
            sendProblem(request, response, uri, problem.get());
            return;
        }
        String title = switch (code) {
            case 400 -> "Bad request";
            case 401 -> "Please log in";
            case 403 -> "Not allowed";
            case 404 -> "Page not found";
            case 405 -> "Method not allowed";
            default -> code < 500 ? "Request refused" : "Something went wrong on our side";
        };
        String message = code < 500 ? "The request could not be handled: " + title.toLowerCase() + "."
                : "Nothing was changed. Please try again later.";
        if (uri != null && uri.startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(code);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(("{\"error\":\"http_" + code + "\",\"message\":\"" + message + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        ProblemPage.sendStatus(response, code, title, message, request.getContextPath() + "/");
    }

    /** A problem the mechanism left on the request, or a database outage: its page, or its JSON under /api/. */
    private static void sendProblem(HttpServletRequest request, HttpServletResponse response, String uri, LoginProblem problem)
            throws IOException {
        if (problem == FlowProblem.DATABASE_UNAVAILABLE) {
            response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        }
        if (uri != null && uri.startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(problem.status());
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(("{\"error\":\"" + problem.code() + "\",\"message\":\"" + problem.message() + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        ProblemPage.send(request, response, problem, null);
    }
}
