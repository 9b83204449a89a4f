package io.wxbind.auth;

import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.auth.flow.CallbackResult;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.flow.LoginFlow;
import io.wxbind.qr.QrConfirmService;
import io.wxbind.util.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The confirm link of a scanned QR, re-checked as a message bind link is: steps 1 and 2 of
 * {@link QrConfirmService} (silent authorization remembering the ticket's hash; at the callback
 * the openid WeChat vouches for must be the scanner's). Nobody is logged in here: the phone is
 * sent to the answer page, which the {@code io.wxbind.web} servlet draws.
 *
 * <p>A phone browser that already has a session never reaches the mechanism's path branches
 * (the session is restored first), so the servlets call {@link #authorizeUrl} and
 * {@link #callbackWithSession} themselves: the same checks, the same outcome.
 */
@ApplicationScoped
public class QrConfirmStep {

    /** Where the browser goes next (the answer page, or on), or why it stopped. Exactly one is set. */
    public record Verdict(String answerUrl, FlowProblem problem) {
    }

    @Inject
    ContainerLogin ends;

    @Inject
    LoginFlow flow;

    @Inject
    QrConfirmService confirms;

    /** Step 1 from the mechanism. */
    AuthenticationStatus start(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        return authorizeUrl(request, response).map(context::redirect)
                .orElseGet(() -> ends.problem(request, context, FlowProblem.QR_CONFIRM_INVALID, null));
    }

    /** Step 1: the authorize URL for a confirm link whose ticket is still usable, else empty. */
    public Optional<String> authorizeUrl(HttpServletRequest request, HttpServletResponse response) {
        String ticket = request.getParameter("t");
        if (!confirms.isValidTicket(ticket)) {
            return Optional.empty();
        }
        return Optional.of(flow.startForConfirm(request, response, request.getContextPath() + "/", SecureTokens.sha256Hex(ticket)));
    }

    /** Step 2 from the mechanism's callback (state, browser and code already checked by the flow). */
    AuthenticationStatus verified(HttpServletRequest request, HttpMessageContext context, CallbackResult.Identified identified) {
        Verdict verdict = verdict(request, identified);
        return verdict.answerUrl() != null ? context.redirect(verdict.answerUrl())
                : ends.problem(request, context, verdict.problem(), null);
    }

    /**
     * The callback reached by a browser whose session the mechanism restored (it stops there): the
     * state is completed here. A confirm gets its verdict; anything else is sent on as before (a
     * logged-in browser revisiting a callback goes home, a second tab of a finished login to its
     * return URL), since this browser is logged in already.
     */
    public Verdict callbackWithSession(HttpServletRequest request, HttpServletResponse response) {
        CallbackResult result = flow.complete(request, response);
        if (result instanceof CallbackResult.Identified identified) {
            return identified.request().confirmTicketHash() != null ? verdict(request, identified)
                    : new Verdict(identified.request().returnTo(), null);
        }
        return new Verdict(request.getContextPath() + "/", null);
    }

    private Verdict verdict(HttpServletRequest request, CallbackResult.Identified identified) {
        QrConfirmService.Verification v = confirms.verify(identified.request().confirmTicketHash(), identified.identity().appId(),
                identified.identity().openId(), BrowserBinding.hash(request).orElse(null));
        if (v instanceof QrConfirmService.Verification.Verified ok) {
            return new Verdict(request.getContextPath() + QrConfirmService.ANSWER_PATH + "?id=" + ok.sceneId(), null);
        }
        return new Verdict(null, v instanceof QrConfirmService.Verification.NotYours ? FlowProblem.QR_CONFIRM_NOT_YOURS
                : FlowProblem.QR_CONFIRM_INVALID);
    }
}
