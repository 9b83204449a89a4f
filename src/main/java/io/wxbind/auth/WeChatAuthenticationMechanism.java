package io.wxbind.auth;

import io.wxbind.account.AccountBindingService;
import io.wxbind.auth.flow.BindTicketStore;
import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.auth.flow.CallbackResult;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.flow.LoginFlow;
import io.wxbind.auth.flow.ReturnUrlPolicy;
import io.wxbind.auth.flow.WeChatIdentity;
import io.wxbind.config.FirstLoginPolicy;
import io.wxbind.config.WeChatConfig;
import io.wxbind.db.DatabaseOutage;
import io.wxbind.link.BindLinkObserver;
import io.wxbind.qr.QrConfirmService;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * WeChat as a login module (Jakarta Security). The web flow, whose step numbers the code cites:
 *
 * <pre>
 *  Browser (in WeChat)              WxBind                                   WeChat
 *  1. GET /app/page ----------> not logged in: state (random, signed, 10 min) + return URL in a
 *                               signed cookie bound to the browser cookie; no database write
 *     <---------------------- 302 open/connect/oauth2/authorize?...&state=S#wechat_redirect
 *     ------------------------------------------------------------------------> (silent or consent)
 *  2. GET /wechat/callback?code=C&state=S  <-------------------------------------- 302
 *                               S and cookie verified (same browser), exchange C --> sns/oauth2/access_token
 *                               then S recorded as used, once (PostgreSQL; a replay is refused)
 *  3. bound openid, or unionid bound via another app:
 *                               IdentityStoreHandler.validate(WeChatCredential) → session → 302 return URL
 *  4. unbound, policy bind:     bind ticket (random, 5 min, single use, same browser) → 302 /wechat/bind?ticket
 *     POST /wechat/bind ------> username/password via IdentityStoreHandler, or phone + SMS code
 *                               ({@link BindStep}) → bind → session → 302 return URL
 *     unbound, policy register: sns/userinfo → new account, bound → session → 302 return URL
 * </pre>
 *
 * Also entered from a chat bind link (step 1 remembering a link ticket whose openid the
 * callback must match), a confirmed QR login ({@link LinkAndQrSteps}) and a QR confirm link
 * (the same check for the scanner's openid, then the phone's answer page: {@link QrConfirmStep}). A request with
 * {@code Authorization: Bearer} is decided by its API token alone ({@link BearerStep}), before anything else.
 * A cross-site state-changing request ({@link OriginCheck}) runs no step; an existing session is
 * still restored (that changes nothing) so that the CSRF filter, not a login redirect, answers it.
 * This class only decides; {@code io.wxbind.web} servlets draw the pages from the
 * {@link FlowOutcome} it leaves on the request. A second visit by a bound user shows no page.
 * The session is restored from {@link SessionLogin} on each request rather than by
 * {@code @AutoApplySession} (which lost the groups on Payara), through {@link SessionRestore}: only
 * while the account's security stamp is unchanged, with the account's groups of now.
 */
@ApplicationScoped
@Typed(WeChatAuthenticationMechanism.class) // an HttpAuthenticationMechanism only through WeChatExtension, once defined
public class WeChatAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String LOGIN_PATH = "/wechat/login";
    public static final String BIND_PATH = "/wechat/bind";
    public static final String RETURN_TO = "returnTo";
    public static final String QR_LOGIN_COMPLETE_PATH = "/wechat/qr-login/complete";

    private static final Logger LOG = Logger.getLogger(WeChatAuthenticationMechanism.class.getName());

    @Inject
    ContainerLogin ends;

    @Inject
    WeChatConfig config;

    @Inject
    LoginFlow flow;

    @Inject
    BindTicketStore tickets;

    @Inject
    AccountBindingService bindings;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    BindStep bindStep;

    @Inject
    LinkAndQrSteps linkAndQr;

    @Inject
    BearerStep bearer;

    @Inject
    SessionRestore sessions;

    @Inject
    OriginCheck origins;

    @Inject
    QrConfirmStep qrConfirm;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        try {
            return decide(request, response, context);
        } catch (RuntimeException e) {
            // PostgreSQL restarting or unreachable: a clear 503, not the container's empty 500.
            Optional<String> outage = DatabaseOutage.in(e);
            if (outage.isEmpty()) {
                throw e;
            }
            LOG.warning(() -> "database unavailable, answered 503: " + outage.get());
            return ApiRequests.isApi(request) ? ApiRequests.databaseUnavailable(response)
                    : ContainerLogin.databaseUnavailable(request, response);
        }
    }

    private AuthenticationStatus decide(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (BearerStep.applies(request)) {
            return bearer.authenticate(request, response, context);
        }
        Optional<SessionLogin> session = sessions.current(request);
        if (session.isPresent()) {
            return context.notifyContainerAboutLogin(session.get().caller(), session.get().groups());
        }
        if (!origins.check(request).allowed()) {
            return context.doNothing(); // CSRF: no step below acts on it; io.wxbind.web.CsrfFilter answers 403
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(LoginFlow.CALLBACK_PATH)) {
            return callback(request, response, context);
        }
        if (path.equals(BIND_PATH) && "POST".equals(request.getMethod())) {
            return bindStep.handle(request, context);
        }
        if (path.equals(BindLinkObserver.LINK_PATH)) {
            return linkAndQr.startFromLink(request, response, context);
        }
        if (path.equals(QrConfirmService.CONFIRM_PATH)) {
            return qrConfirm.start(request, response, context);
        }
        if (path.equals(QR_LOGIN_COMPLETE_PATH)) {
            return linkAndQr.completeQrLogin(request, context);
        }
        if (path.equals(LOGIN_PATH) && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            return start(request, response, context, request.getParameter(RETURN_TO));
        }
        if (context.isProtected()) {
            return ApiRequests.isApi(request) ? ApiRequests.unauthorized(response)
                    : start(request, response, context, currentUrl(request));
        }
        return context.doNothing();
    }

    /** Step 1. */
    private AuthenticationStatus start(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context,
            String requestedReturnTo) {
        Optional<String> returnTo = new ReturnUrlPolicy(config.returnUrlOrigins())
                .check(requestedReturnTo, request.getContextPath() + "/");
        if (returnTo.isEmpty()) {
            new FlowOutcome.Problem(FlowProblem.BAD_RETURN_URL, null).attachTo(request);
            return context.doNothing();
        }
        return context.redirect(flow.start(request, response, returnTo.get()));
    }

    /** Steps 2, 3 and 4. */
    private AuthenticationStatus callback(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        CallbackResult result = flow.complete(request, response);
        if (result instanceof CallbackResult.Failed failed) {
            return ends.problem(request, context, failed.problem(), null);
        }
        CallbackResult.Identified identified = (CallbackResult.Identified) result;
        String returnTo = identified.request().returnTo();
        if (identified.request().confirmTicketHash() != null) {
            return qrConfirm.verified(request, context, identified);
        }
        Optional<FlowProblem> linkRefused = identified.request().linkTicketHash() == null ? Optional.empty()
                : linkAndQr.linkRefusal(identified);
        if (linkRefused.isPresent()) {
            return ends.problem(request, context, linkRefused.get(), null);
        }
        CredentialValidationResult bound = identityStores.validate(new WeChatCredential(identified.identity()));
        if (bound.getStatus() == CredentialValidationResult.Status.VALID) {
            return ends.login(request, context, bound, LoginMethod.WECHAT, returnTo);
        }
        if (bound.getStatus() == CredentialValidationResult.Status.INVALID) { // bound to a disabled or deleted account
            return ends.problem(request, context, FlowProblem.ACCOUNT_UNAVAILABLE, null);
        }
        if (config.firstLogin() == FirstLoginPolicy.BIND) {
            String ticket = tickets.issue(identified.identity(), BrowserBinding.ensure(request, response), returnTo);
            LOG.fine("step 4: unbound openid, bind ticket issued");
            return context.redirect(request.getContextPath() + BIND_PATH + "?ticket=" + ticket);
        }
        return register(request, context, identified, returnTo);
    }

    /** Step 4, policy register. */
    private AuthenticationStatus register(HttpServletRequest request, HttpMessageContext context,
            CallbackResult.Identified identified, String returnTo) {
        WeChatIdentity withProfile;
        try {
            withProfile = flow.withProfile(identified);
        } catch (WeChatApiException e) {
            return ends.problem(request, context, FlowProblem.of(e), returnTo);
        } catch (WeChatUnavailableException e) {
            return ends.problem(request, context, FlowProblem.WECHAT_UNAVAILABLE, returnTo);
        }
        // The profile may carry a unionid that is already bound through another app.
        CredentialValidationResult known = identityStores.validate(new WeChatCredential(withProfile));
        if (known.getStatus() == CredentialValidationResult.Status.VALID) {
            return ends.login(request, context, known, LoginMethod.WECHAT, returnTo);
        }
        if (known.getStatus() == CredentialValidationResult.Status.INVALID) {
            return ends.problem(request, context, FlowProblem.ACCOUNT_UNAVAILABLE, null);
        }
        bindings.register(withProfile, config.defaultGroups());
        CredentialValidationResult created = identityStores.validate(new WeChatCredential(withProfile));
        return ends.login(request, context, created, LoginMethod.WECHAT_REGISTER, returnTo);
    }

    private static String currentUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return "GET".equals(request.getMethod()) && query != null ? request.getRequestURI() + "?" + query : request.getRequestURI();
    }
}
