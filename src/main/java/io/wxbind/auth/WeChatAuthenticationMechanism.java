package io.wxbind.auth;

import io.wxbind.account.AccountBindingService;
import io.wxbind.account.BindingResult;
import io.wxbind.account.CallerGroupsResolver;
import io.wxbind.auth.flow.BindTicket;
import io.wxbind.auth.flow.BindTicketStore;
import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.auth.flow.CallbackResult;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.flow.LoginFlow;
import io.wxbind.auth.flow.ReturnUrlPolicy;
import io.wxbind.auth.flow.SecureTokens;
import io.wxbind.auth.flow.WeChatIdentity;
import io.wxbind.config.FirstLoginPolicy;
import io.wxbind.config.WeChatConfig;
import io.wxbind.link.BindLinkObserver;
import io.wxbind.link.LinkTicketStore;
import io.wxbind.qr.QrBindingService;
import io.wxbind.sms.SmsCodeService;
import io.wxbind.sms.VerifyResult;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * WeChat as a login module (Jakarta Security). The web flow, whose step numbers the code cites:
 *
 * <pre>
 *  Browser (in WeChat)              WxBind                                   WeChat
 *  1. GET /app/page ----------> not logged in: state (random, 10 min, single use,
 *                               PostgreSQL) + return URL + browser cookie
 *     <---------------------- 302 open/connect/oauth2/authorize?...&state=S#wechat_redirect
 *     ------------------------------------------------------------------------> (silent or consent)
 *  2. GET /wechat/callback?code=C&state=S  <-------------------------------------- 302
 *                               take(S) once, cookie must match, exchange C once --> sns/oauth2/access_token
 *  3. bound openid, or unionid bound via another app:
 *                               IdentityStoreHandler.validate(WeChatCredential) → session → 302 return URL
 *  4. unbound, policy bind:     bind ticket (random, 5 min, single use, same browser) → 302 /wechat/bind?ticket
 *     POST /wechat/bind ------> username/password via IdentityStoreHandler → bind → session → 302 return URL
 *     unbound, policy register: sns/userinfo → new account, bound → session → 302 return URL
 * </pre>
 *
 * This class only decides; {@code io.wxbind.web} servlets draw the pages from the
 * {@link FlowOutcome} it leaves on the request. A second visit by a bound user shows no page.
 * The session is restored from {@link SessionLogin} on each request (caller and groups) rather
 * than by {@code @AutoApplySession}, which lost the groups on Payara and is not needed on WildFly.
 */
@ApplicationScoped
public class WeChatAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String LOGIN_PATH = "/wechat/login";
    public static final String BIND_PATH = "/wechat/bind";
    public static final String RETURN_TO = "returnTo";
    public static final String QR_LOGIN_COMPLETE_PATH = "/wechat/qr-login/complete";

    private static final Logger LOG = Logger.getLogger(WeChatAuthenticationMechanism.class.getName());

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
    QrBindingService qrLogins;

    @Inject
    CallerGroupsResolver groups;

    @Inject
    LinkTicketStore links;

    @Inject
    SmsCodeService sms;


    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Optional<SessionLogin> session = SessionLogin.stored(request);
        if (session.isPresent()) {
            return context.notifyContainerAboutLogin(session.get().caller(), session.get().groups());
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(LoginFlow.CALLBACK_PATH)) {
            return callback(request, response, context);
        }
        if (path.equals(BIND_PATH) && "POST".equals(request.getMethod())) {
            return bindWithPassword(request, context);
        }
        if (path.equals(BindLinkObserver.LINK_PATH)) {
            return startFromLink(request, response, context);
        }
        if (path.equals(QR_LOGIN_COMPLETE_PATH)) {
            return completeQrLogin(request, context);
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
        CallbackResult result = flow.complete(request);
        if (result instanceof CallbackResult.Failed failed) {
            return problem(request, context, failed.problem(), null);
        }
        CallbackResult.Identified identified = (CallbackResult.Identified) result;
        String returnTo = identified.request().returnTo();
        if (identified.request().linkTicketHash() != null && !linkMatches(identified)) {
            return problem(request, context, FlowProblem.LINK_NOT_YOURS, null);
        }
        CredentialValidationResult bound = identityStores.validate(new WeChatCredential(identified.identity()));
        if (bound.getStatus() == CredentialValidationResult.Status.VALID) {
            return login(request, context, bound, LoginMethod.WECHAT, returnTo);
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
            return problem(request, context, FlowProblem.of(e), returnTo);
        } catch (WeChatUnavailableException e) {
            return problem(request, context, FlowProblem.WECHAT_UNAVAILABLE, returnTo);
        }
        // The profile may carry a unionid that is already bound through another app.
        CredentialValidationResult known = identityStores.validate(new WeChatCredential(withProfile));
        if (known.getStatus() == CredentialValidationResult.Status.VALID) {
            return login(request, context, known, LoginMethod.WECHAT, returnTo);
        }
        bindings.register(withProfile, config.defaultGroups());
        CredentialValidationResult created = identityStores.validate(new WeChatCredential(withProfile));
        return login(request, context, created, LoginMethod.WECHAT_REGISTER, returnTo);
    }

    /** Step 4, policy bind: the bind form was posted. */
    private AuthenticationStatus bindWithPassword(HttpServletRequest request, HttpMessageContext context) {
        String rawTicket = request.getParameter("ticket");
        Optional<String> browser = BrowserBinding.hash(request);
        Optional<BindTicket> ticket = browser.flatMap(b -> tickets.peek(rawTicket, b));
        if (ticket.isEmpty()) {
            return problem(request, context, FlowProblem.TICKET_INVALID, null);
        }
        boolean bySms = request.getParameter("smsCode") != null;
        Optional<Proof> account = bySms ? bySms(request) : byPassword(request);
        if (account.isEmpty()) {
            new FlowOutcome.BindFormError(rawTicket, "Please enter your username and password, or your phone and the code.", 400)
                    .attachTo(request);
            return context.doNothing();
        }
        if (account.get().caller().getStatus() != CredentialValidationResult.Status.VALID) {
            int left = tickets.recordFailure(rawTicket);
            if (left == 0) {
                return problem(request, context, FlowProblem.TOO_MANY_ATTEMPTS, null);
            }
            String message = bySms ? account.get().failure()
                    : account.get().failure() + " " + left + (left == 1 ? " attempt" : " attempts") + " left.";
            new FlowOutcome.BindFormError(rawTicket, message, 401).attachTo(request);
            return context.doNothing();
        }
        Optional<BindTicket> consumed = tickets.consume(rawTicket, browser.get());
        if (consumed.isEmpty()) {
            return problem(request, context, FlowProblem.TICKET_INVALID, null);
        }
        CredentialValidationResult caller = account.get().caller();
        BindingResult bound = bindings.bind(consumed.get().identity(), caller.getCallerPrincipal().getName());
        if (bound instanceof BindingResult.Conflict) {
            return problem(request, context, FlowProblem.BINDING_CONFLICT, null);
        }
        return login(request, context, caller, bySms ? LoginMethod.WECHAT_BIND_SMS : LoginMethod.WECHAT_BIND_PASSWORD,
                consumed.get().returnTo());
    }

    /** The outcome of a proof of account ownership, and the sentence for the page when it failed. */
    private record Proof(CredentialValidationResult caller, String failure) {
    }

    /** Username and password through the container's identity stores (a portal's own store works). */
    private Optional<Proof> byPassword(HttpServletRequest request) {
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        if (isBlankOrLong(username, 64) || isBlankOrLong(password, 256)) {
            return Optional.empty();
        }
        return Optional.of(new Proof(identityStores.validate(new UsernamePasswordCredential(username.trim(), new Password(password))),
                "Wrong username or password."));
    }

    /** Phone + SMS code: the code names the account that owns the phone. */
    private Optional<Proof> bySms(HttpServletRequest request) {
        String phone = request.getParameter("phone");
        String code = request.getParameter("smsCode");
        if (!sms.available() || isBlankOrLong(phone, 32) || isBlankOrLong(code, 16)) {
            return Optional.empty();
        }
        VerifyResult result = sms.verify(phone, code);
        if (result instanceof VerifyResult.Verified v) {
            return Optional.of(new Proof(new CredentialValidationResult(v.callerName(), groups.groupsOf(v.callerName())), null));
        }
        return Optional.of(new Proof(CredentialValidationResult.INVALID_RESULT, ((VerifyResult.Failed) result).message()));
    }

    /** A bind link from the chat: silent authorization, remembering the link ticket for the callback. */
    private AuthenticationStatus startFromLink(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String ticket = request.getParameter("t");
        if (!links.isValid(ticket)) {
            return problem(request, context, FlowProblem.LINK_INVALID, null);
        }
        return context.redirect(flow.start(request, response, request.getContextPath() + "/app/", SecureTokens.sha256Hex(ticket)));
    }

    /** The link ticket is taken once; the openid WeChat just vouched for must be the one it was sent to. */
    private boolean linkMatches(CallbackResult.Identified identified) {
        return links.takeByHash(identified.request().linkTicketHash())
                .filter(t -> t.appId().equals(identified.identity().appId()))
                .filter(t -> SecureTokens.constantTimeEquals(t.openId(), identified.identity().openId()))
                .isPresent();
    }

    /** QR login: the scene this browser created was confirmed by a bound WeChat user. */
    private AuthenticationStatus completeQrLogin(HttpServletRequest request, HttpMessageContext context) {
        Optional<String> returnTo = new ReturnUrlPolicy(config.returnUrlOrigins())
                .check(request.getParameter(RETURN_TO), request.getContextPath() + "/");
        Optional<String> account = BrowserBinding.hash(request)
                .flatMap(browser -> qrLogins.consumeLogin(request.getParameter("id"), browser));
        if (returnTo.isEmpty() || account.isEmpty()) {
            return problem(request, context, returnTo.isEmpty() ? FlowProblem.BAD_RETURN_URL : FlowProblem.QR_LOGIN_INVALID, null);
        }
        CredentialValidationResult caller = new CredentialValidationResult(account.get(), groups.groupsOf(account.get()));
        return login(request, context, caller, LoginMethod.WECHAT_QR, returnTo.get());
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context,
            CredentialValidationResult caller, LoginMethod method, String returnTo) {
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation across the login
        }
        AuthenticationStatus status = context.notifyContainerAboutLogin(caller);
        new SessionLogin(caller.getCallerPrincipal().getName(), caller.getCallerGroups(), method, Instant.now()).store(request);
        new FlowOutcome.LoggedIn(returnTo).attachTo(request);
        LOG.fine(() -> "step 3: logged in via " + method);
        return status;
    }

    private static AuthenticationStatus problem(HttpServletRequest request, HttpMessageContext context, FlowProblem problem,
            String returnTo) {
        new FlowOutcome.Problem(problem, returnTo).attachTo(request);
        return context.doNothing();
    }

    private static String currentUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return "GET".equals(request.getMethod()) && query != null ? request.getRequestURI() + "?" + query : request.getRequestURI();
    }

    private static boolean isBlankOrLong(String value, int max) {
        return value == null || value.isBlank() || value.length() > max;
    }
}
