package io.wxbind.demo;

import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.auth.flow.FormTokens;
import io.wxbind.auth.remember.RememberMeCookie;
import io.wxbind.web.Html;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Logout is a POST (a link or an image cannot log anyone out) from our own page with its form
 * token (another site cannot log anyone out either: io.wxbind.web.CsrfFilter); GET shows the button.
 * It ends this session and this browser's remember-me token only: the account's other sessions, remember-me
 * tokens and API tokens stay
 * ({@code POST /api/me/logout-everywhere} ends them all).
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    @Inject
    Event<AuditEvent> events;

    @Inject
    RememberMeCookie rememberMe;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Html.send(response, 200, "Log out", "<form method=\"post\">" + FormTokens.hiddenField(request, response)
                + "<button class=\"btn\" id=\"logout\" type=\"submit\">Log out</button></form>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (request.getUserPrincipal() != null) {
            events.fire(AuditEvent.of(AuditKind.LOGOUT, request.getUserPrincipal().getName()));
        }
        request.logout();
        rememberMe.forget(request, response); // this browser's remember-me token too (whether or not logout() reached it)
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/");
    }
}
