package io.wxbind.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Target of the container's error pages: a short page for browsers, the JSON error shape for
 * {@code /api/}, never a stack trace. Unexpected exceptions are logged here, once.
 */
@WebServlet("/wechat/error")
public class ErrorServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Integer status = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int code = status == null || status < 400 ? 500 : status;
        if (error != null) {
            LOG.log(Level.SEVERE, "unhandled error on " + uri, error);
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
}
