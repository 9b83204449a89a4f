package io.wxbind.web;

import io.wxbind.auth.FlowOutcome;
import io.wxbind.qr.QrConfirmEntry;
import io.wxbind.wechat.WeChatParams;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Flow step 2 ends here: redirect after login, or explain what went wrong. */
public class CallbackServlet extends HttpServlet {

    @Inject
    QrConfirmEntry qrConfirm;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (FlowOutcome.of(request).isEmpty() && request.getParameter(WeChatParams.STATE) != null) {
            // The mechanism restored this browser's session and stopped: a QR confirm opened on a
            // phone that is logged in to the site still has to be checked.
            QrConfirmEntry.Verdict verdict = qrConfirm.callbackWithSession(request, response);
            if (verdict.answerUrl() != null) {
                response.sendRedirect(verdict.answerUrl());
            } else {
                ProblemPage.send(request, response, verdict.problem(), null);
            }
            return;
        }
        FlowOutcomeRenderer.render(request, response);
    }
}
