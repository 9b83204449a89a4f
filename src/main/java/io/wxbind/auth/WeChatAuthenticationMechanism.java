package io.wxbind.auth;

import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.flow.LoginFlow;
import io.wxbind.auth.flow.ReturnUrlPolicy;
import io.wxbind.config.WeChatConfig;
import io.wxbind.db.DatabaseOutage;
import io.wxbind.util.ByPriority;
import io.wxbind.config.MechanismConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.RememberMe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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
 *     POST /wechat/bind ------> a {@link BindProof}: username/password via IdentityStoreHandler, or phone + SMS
 *                               code ({@link BindFormEntry}) → bind → session → 302 return URL
 *     unbound, policy register: sns/userinfo → new account, bound → session → 302 return URL
 * </pre>
 *
 * This class only decides which way a request goes, a short tree over the {@link LoginEntry}s
 * that packages contribute (this one: the callback, steps 2-4, {@link CallbackEntry}; the bind
 * form, {@link BindFormEntry}; bearer tokens, {@link BearerEntry}. Features: a chat bind link, a
 * QR confirm link, QR-login completion, and next the mini-program and app logins):
 *
 * <pre>
 *  1. a CREDENTIAL entry matches (Authorization: Bearer)  → it decides, whatever the session
 *  2. a live session ({@link SessionRestore})             → logged in, with the account's groups of now
 *  3. cross-site and state-changing ({@link OriginCheck}) → nothing: io.wxbind.web.CsrfFilter answers 403
 *  4. a STEP entry matches (callback, bind form, links)   → it decides
 *  5. GET/HEAD /wechat/login                              → step 1, to its returnTo
 *  6. a protected resource                                → API: 401 JSON; page: step 1, back to it
 *  7. anything else                                       → nothing
 * </pre>
 *
 * A request that PostgreSQL cannot answer gets a 503 ({@link DatabaseOutage}), never a 500.
 * {@code io.wxbind.web} servlets draw the pages from the {@link FlowOutcome} left on the
 * request. A second visit by a bound user shows no page.
 * The session is restored from {@link SessionLogin} on each request rather than by
 * {@code @AutoApplySession} (which lost the groups on Payara), through {@link SessionRestore}: only
 * while the account's security stamp is unchanged, with the account's groups of now.
 */
@ApplicationScoped
@Typed(WeChatAuthenticationMechanism.class) // an HttpAuthenticationMechanism only through WeChatExtension, once defined
// A login survives its node: io.wxbind.auth.remember. The expressions reach its RememberMeCookie through the
// ServletContext: the interceptor's EL resolves no bean of the application by name.
@RememberMe(cookieName = "#{httpMessageContext.request.servletContext.getAttribute('wxbind.rememberMe').cookieName(httpMessageContext)}",
        cookieMaxAgeSecondsExpression = "${httpMessageContext.request.servletContext.getAttribute('wxbind.rememberMe').maxAgeSeconds}",
        cookieSecureOnlyExpression = "${httpMessageContext.request.servletContext.getAttribute('wxbind.rememberMe').secure}",
        isRememberMeExpression = "#{httpMessageContext.request.servletContext.getAttribute('wxbind.rememberMe').issuesToken(httpMessageContext)}")
public class WeChatAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Defaults of {@code wxbind.path.login} and {@code wxbind.path.bind}; the paths in force are in {@link MechanismConfig}. */
    public static final String LOGIN_PATH = "/wechat/login";
    public static final String BIND_PATH = "/wechat/bind";
    public static final String RETURN_TO = "returnTo";

    private static final Logger LOG = Logger.getLogger(WeChatAuthenticationMechanism.class.getName());

    @Inject
    MechanismConfig paths = MechanismConfig.DEFAULTS;

    @Inject
    WeChatConfig config;

    @Inject
    LoginFlow flow;

    @Inject
    SessionRestore sessions;

    @Inject
    OriginCheck origins;

    @Inject
    Instance<LoginEntry> contributedEntries;

    /** The entries in {@code @Priority} order (tests set them directly). */
    List<LoginEntry> entries;

    @PostConstruct
    void orderEntries() {
        entries = ByPriority.of(contributedEntries);
    }

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

    /** The tree of the class comment; the numbers are its branches. */
    private AuthenticationStatus decide(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Optional<LoginEntry> credential = entry(LoginEntry.Stage.CREDENTIAL, request);
        if (credential.isPresent()) { // 1
            return credential.get().handle(request, response, context);
        }
        Optional<SessionLogin> session = sessions.current(request);
        if (session.isPresent()) { // 2
            return context.notifyContainerAboutLogin(session.get().caller(), session.get().groups());
        }
        if (!origins.check(request).allowed()) { // 3
            return context.doNothing(); // CSRF: no entry acts on it; io.wxbind.web.CsrfFilter answers 403
        }
        Optional<LoginEntry> step = entry(LoginEntry.Stage.STEP, request);
        if (step.isPresent()) { // 4
            return step.get().handle(request, response, context);
        }
        if (LoginEntry.path(request).equals(paths.loginPath()) && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            return start(request, response, context, request.getParameter(RETURN_TO)); // 5
        }
        if (context.isProtected() || paths.protects(LoginEntry.path(request))) { // 6: the container's constraints or wxbind.protected-paths
            return ApiRequests.isApi(request) ? ApiRequests.unauthorized(response)
                    : start(request, response, context, currentUrl(request));
        }
        return context.doNothing(); // 7
    }

    /** The first entry of {@code stage}, in priority order, that matches the request. */
    private Optional<LoginEntry> entry(LoginEntry.Stage stage, HttpServletRequest request) {
        return entries.stream().filter(e -> e.stage() == stage && e.matches(request)).findFirst();
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

    private static String currentUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return "GET".equals(request.getMethod()) && query != null ? request.getRequestURI() + "?" + query : request.getRequestURI();
    }
}
