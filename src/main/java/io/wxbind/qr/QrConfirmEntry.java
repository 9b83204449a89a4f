package io.wxbind.qr;

import io.wxbind.auth.flow.LoginProblem;
import io.wxbind.auth.CallbackContinuation;
import io.wxbind.auth.ContainerLogin;
import io.wxbind.auth.LoginEntry;
import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.auth.flow.CallbackResult;
import io.wxbind.auth.flow.Continuation;
import io.wxbind.auth.flow.LoginFlow;
import io.wxbind.util.SecureTokens;
import jakarta.annotation.Priority;
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
 * <p>A phone browser that already has a session never reaches the mechanism's entries (the
 * session is restored first), so the servlets call {@link #authorizeUrl} and
 * {@link #callbackWithSession} themselves: the same checks, the same outcome.
 */
@ApplicationScoped
@Priority(1200)
public class QrConfirmEntry implements LoginEntry, CallbackContinuation {

    static final String KIND = "qr-confirm";

    /** Where the browser goes next (the answer page, or on), or why it stopped. Exactly one is set. */
    public record Verdict(String answerUrl, LoginProblem problem) {
    }

    @Inject
    ContainerLogin ends;

    @Inject
    LoginFlow flow;

    @Inject
    QrConfirmService confirms;

    @Override
    public boolean matches(HttpServletRequest request) {
        return LoginEntry.path(request).equals(QrConfirmService.CONFIRM_PATH);
    }

    /** Step 1 from the mechanism. */
    @Override
    public AuthenticationStatus handle(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        return authorizeUrl(request, response).map(context::redirect)
                .orElseGet(() -> ends.problem(request, context, QrProblem.QR_CONFIRM_INVALID, null));
    }

    /** Step 1: the authorize URL for a confirm link whose ticket is still usable, else empty. */
    public Optional<String> authorizeUrl(HttpServletRequest request, HttpServletResponse response) {
        String ticket = request.getParameter("t");
        if (!confirms.isValidTicket(ticket)) {
            return Optional.empty();
        }
        return Optional.of(flow.start(request, response, request.getContextPath() + "/", new Continuation(KIND, SecureTokens.sha256Hex(ticket))));
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Step 2 from the mechanism's callback (state, browser and code already checked by the flow): always this feature's answer. */
    @Override
    public Optional<AuthenticationStatus> resume(HttpServletRequest request, HttpMessageContext context,
            CallbackResult.Identified identified, String ticketHash) {
        Verdict verdict = verdict(request, identified, ticketHash);
        return Optional.of(verdict.answerUrl() != null ? context.redirect(verdict.answerUrl())
                : ends.problem(request, context, verdict.problem(), null));
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
            Optional<Continuation> confirm = identified.request().continuation().filter(c -> c.kind().equals(KIND));
            return confirm.isPresent() ? verdict(request, identified, confirm.get().ticketHash())
                    : new Verdict(identified.request().returnTo(), null);
        }
        return new Verdict(request.getContextPath() + "/", null);
    }

    private Verdict verdict(HttpServletRequest request, CallbackResult.Identified identified, String ticketHash) {
        QrConfirmService.Verification v = confirms.verify(ticketHash, identified.identity().appId(), identified.identity().openId(),
                BrowserBinding.hash(request).orElse(null));
        if (v instanceof QrConfirmService.Verification.Verified ok) {
            return new Verdict(request.getContextPath() + QrConfirmService.ANSWER_PATH + "?id=" + ok.sceneId(), null);
        }
        return new Verdict(null, v instanceof QrConfirmService.Verification.NotYours ? QrProblem.QR_CONFIRM_NOT_YOURS
                : QrProblem.QR_CONFIRM_INVALID);
    }
}
