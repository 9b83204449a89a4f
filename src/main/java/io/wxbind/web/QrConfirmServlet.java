package io.wxbind.web;

import io.wxbind.qr.QrProblem;
import io.wxbind.auth.FlowOutcome;
import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.auth.flow.FormTokens;
import io.wxbind.qr.ConfirmQuestion;
import io.wxbind.qr.QrConfirmEntry;
import io.wxbind.qr.QrConfirmPage;
import io.wxbind.qr.QrConfirmService;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The phone's side of a scanned QR, inside WeChat ({@link QrConfirmService} steps 1-4): the
 * confirm link (the mechanism starts the openid check; this draws its refusal), then the
 * question with Confirm and "Not me", each a POST carrying the form token of this browser.
 */
public class QrConfirmServlet extends HttpServlet {

    static final String CONFIRM = "confirm";
    static final String NOT_ME = "not-me";

    @Inject
    QrConfirmService confirms;

    @Inject
    QrConfirmEntry step;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().equals(QrConfirmService.CONFIRM_PATH)) {
            link(request, response);
            return;
        }
        QrConfirmPage page = confirms.page(request.getParameter("id"), BrowserBinding.hash(request).orElse(null));
        render(request, response, page);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getServletPath().equals(QrConfirmService.ANSWER_PATH)) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (!FormTokens.valid(request)) {
            ProblemPage.send(request, response, QrProblem.QR_CONFIRM_OTHER_BROWSER, null);
            return;
        }
        String answer = request.getParameter("answer");
        if (!CONFIRM.equals(answer) && !NOT_ME.equals(answer)) {
            ProblemPage.send(request, response, QrProblem.QR_CONFIRM_INVALID, null);
            return;
        }
        QrConfirmPage page = confirms.answer(request.getParameter("id"), BrowserBinding.hash(request).orElse(null),
                CONFIRM.equals(answer));
        render(request, response, page);
    }

    /** Step 1. The mechanism started the check, or refused; a browser with a session gets here first (see {@link QrConfirmEntry}). */
    private void link(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (FlowOutcome.of(request).isPresent()) {
            FlowOutcomeRenderer.render(request, response);
            return;
        }
        Optional<String> authorize = step.authorizeUrl(request, response);
        if (authorize.isEmpty()) {
            ProblemPage.send(request, response, QrProblem.QR_CONFIRM_INVALID, null);
            return;
        }
        response.sendRedirect(authorize.get());
    }

    private static void render(HttpServletRequest request, HttpServletResponse response, QrConfirmPage page) throws IOException {
        if (page instanceof QrConfirmPage.Refused refused) {
            ProblemPage.send(request, response, refused.problem(), null);
        } else if (page instanceof QrConfirmPage.Done done) {
            Html.send(response, done.status(), done.title(), "<div class=\"card\" id=\"qr-confirm-done\" data-outcome=\""
                    + Html.esc(done.outcome()) + "\"><p>" + Html.esc(done.text()) + "</p></div>");
        } else {
            ask(request, response, ((QrConfirmPage.Ask) page).question());
        }
    }

    private static void ask(HttpServletRequest request, HttpServletResponse response, ConfirmQuestion q) throws IOException {
        String action = Html.esc(request.getContextPath() + QrConfirmService.ANSWER_PATH);
        String hidden = FormTokens.hiddenField(request, response) + "<input type=\"hidden\" name=\"id\" value=\""
                + Html.esc(q.sceneId()) + "\">";
        Html.send(response, 200, q.title(), "<div class=\"card\" id=\"qr-confirm\" data-purpose=\""
                + Html.esc(q.purpose().name().toLowerCase(java.util.Locale.ROOT)) + "\"><p id=\"confirm-question\"><strong>"
                + Html.esc(q.question()) + "</strong></p><p>" + Html.esc(q.detail()) + "</p>"
                + "<form method=\"post\" action=\"" + action + "\">" + hidden
                + "<input type=\"hidden\" name=\"answer\" value=\"" + CONFIRM + "\"><p><button class=\"btn\" id=\"confirm\">Confirm"
                + "</button></p></form><form method=\"post\" action=\"" + action + "\">" + hidden
                + "<input type=\"hidden\" name=\"answer\" value=\"" + NOT_ME + "\"><p><button class=\"btn secondary\" id=\"not-me\">"
                + "Not me</button></p></form><p class=\"muted\">If you did not scan a code just now, tap Not me: nothing "
                + "happens and the page that showed the code is told.</p></div>");
    }
}
