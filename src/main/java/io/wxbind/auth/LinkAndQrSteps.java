package io.wxbind.auth;

import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.auth.flow.CallbackResult;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.flow.LoginFlow;
import io.wxbind.auth.flow.ReturnUrlPolicy;
import io.wxbind.config.WeChatConfig;
import io.wxbind.link.LinkTicket;
import io.wxbind.link.LinkTicketStore;
import io.wxbind.qr.QrBindingService;
import io.wxbind.util.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The two ways into the flow that do not start at a protected page: a bind link from the chat
 * (step 1 with a link ticket, checked at the callback) and a confirmed QR login.
 */
@ApplicationScoped
public class LinkAndQrSteps {

    @Inject
    ContainerLogin ends;

    @Inject
    WeChatConfig config;

    @Inject
    LoginFlow flow;

    @Inject
    LinkTicketStore links;

    @Inject
    QrBindingService qrLogins;

    /** A bind link: silent authorization, remembering the link ticket for the callback. */
    AuthenticationStatus startFromLink(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String ticket = request.getParameter("t");
        if (!links.isValid(ticket)) {
            return ends.problem(request, context, FlowProblem.LINK_INVALID, null);
        }
        return context.redirect(flow.start(request, response, request.getContextPath() + "/app/", SecureTokens.sha256Hex(ticket)));
    }

    /**
     * The link ticket is taken once; the openid WeChat just vouched for must be the one it was sent
     * to. Empty when it is; else why not: used meanwhile (another tab of the same person won the
     * race) or expired is {@code LINK_INVALID}, someone else's link is {@code LINK_NOT_YOURS}.
     */
    Optional<FlowProblem> linkRefusal(CallbackResult.Identified identified) {
        Optional<LinkTicket> ticket = links.takeByHash(identified.request().linkTicketHash());
        if (ticket.isEmpty()) {
            return Optional.of(FlowProblem.LINK_INVALID);
        }
        boolean theirs = ticket.get().appId().equals(identified.identity().appId())
                && SecureTokens.constantTimeEquals(ticket.get().openId(), identified.identity().openId());
        return theirs ? Optional.empty() : Optional.of(FlowProblem.LINK_NOT_YOURS);
    }

    /** QR login: the scene this browser created was confirmed by a bound WeChat user. */
    AuthenticationStatus completeQrLogin(HttpServletRequest request, HttpMessageContext context) {
        Optional<String> returnTo = new ReturnUrlPolicy(config.returnUrlOrigins())
                .check(request.getParameter(WeChatAuthenticationMechanism.RETURN_TO), request.getContextPath() + "/");
        Optional<String> account = BrowserBinding.hash(request)
                .flatMap(browser -> qrLogins.consumeLogin(request.getParameter("id"), browser));
        if (returnTo.isEmpty() || account.isEmpty()) {
            return ends.problem(request, context, returnTo.isEmpty() ? FlowProblem.BAD_RETURN_URL : FlowProblem.QR_LOGIN_INVALID, null);
        }
        // The account must still exist and be enabled, with its groups of now: ContainerLogin.login checks.
        CredentialValidationResult caller = new CredentialValidationResult(account.get());
        return ends.login(request, context, caller, LoginMethod.WECHAT_QR, returnTo.get());
    }
}
