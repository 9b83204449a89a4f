package io.wxbind.auth.flow;

import io.wxbind.config.MechanismConfig;
import io.wxbind.config.WeChatApp;
import io.wxbind.config.WeChatAppType;
import io.wxbind.config.WeChatApps;
import io.wxbind.config.WeChatConfig;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.OAuthAccessToken;
import io.wxbind.wechat.WeChatApiClient;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatIdentity;
import io.wxbind.wechat.WeChatParams;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Steps 1 and 2 of the web flow (see {@code WeChatAuthenticationMechanism}). Step 1 writes
 * nothing to the database: the state is signed ({@link SignedState}) and the pending
 * authorization goes into a signed, browser-bound cookie ({@link PendingLoginCodec},
 * {@link PendingLoginCookies}), so an anonymous page view costs no row. Step 2 checks the state,
 * the cookie and the browser, exchanges the code, and only then records the state as used
 * ({@link UsedStateStore}), so each state completes once and only a real WeChat authorization
 * writes.
 */
@ApplicationScoped
public class LoginFlow {

    /** Where WeChat sends the browser back (flow step 2). */
    /** The default of {@code wechat.callback-path}; the path in force is {@link #callbackPath()}. */
    public static final String CALLBACK_PATH = "/wechat/callback";
    static final int MAX_CODE_LENGTH = 512;
    private static final Logger LOG = Logger.getLogger(LoginFlow.class.getName());

    @Inject
    WeChatConfig config;

    @Inject
    MechanismConfig paths = MechanismConfig.DEFAULTS;

    @Inject
    StateKey key;

    @Inject
    UsedStateStore usedStates;

    @Inject
    WeChatApiClient wechat;

    /** The other apps a login may go through (a website app's QR login); unused for the official account's. */
    @Inject
    WeChatApps apps;

    @Inject
    Clock clock;

    /** Step 1. {@code returnTo} must already have passed the {@link ReturnUrlPolicy}. */
    public String start(HttpServletRequest request, HttpServletResponse response, String returnTo) {
        return start(request, response, returnTo, null);
    }

    /**
     * Step 1 for a login a feature starts for its own purpose (a message link, a QR confirm link):
     * the callback hands {@code continuation} back to that feature; null for a plain login.
     */
    public String start(HttpServletRequest request, HttpServletResponse response, String returnTo, Continuation continuation) {
        return start(request, response, returnTo, continuation, config.scope());
    }

    /**
     * Step 1 with another scope than {@code wechat.scope}: the official account's one
     * {@code snsapi_userinfo} authorization for the unionid ({@code io.wxbind.auth.OfficialUnionIds}).
     */
    public String start(HttpServletRequest request, HttpServletResponse response, String returnTo, Continuation continuation,
            String scope) {
        if (!WeChatConfig.SCOPE_BASE.equals(scope) && !WeChatConfig.SCOPE_USERINFO.equals(scope)) {
            throw new IllegalArgumentException("an official account's scope is snsapi_base or snsapi_userinfo, was " + scope);
        }
        return begin(request, response, returnTo, continuation, config.appId(), scope, false);
    }

    /**
     * Step 1 through another app of this deployment: a website app's QR login (protocol §2,
     * {@code connect/qrconnect}, scope {@code snsapi_login}) for a desktop browser. The pending
     * login carries the app, so step 2 exchanges the code with that app's credentials.
     *
     * @throws IllegalArgumentException for an app that has no browser login (mini program, mobile app)
     */
    public String start(HttpServletRequest request, HttpServletResponse response, String returnTo, Continuation continuation,
            WeChatApp app) {
        if (app.type() == WeChatAppType.WEBSITE) {
            return begin(request, response, returnTo, continuation, app.appId(), WeChatConfig.SCOPE_LOGIN, true);
        }
        if (app.type() == WeChatAppType.OFFICIAL_ACCOUNT && app.appId().equals(config.appId())) {
            return start(request, response, returnTo, continuation);
        }
        throw new IllegalArgumentException("no browser login through " + app);
    }

    private String begin(HttpServletRequest request, HttpServletResponse response, String returnTo, Continuation continuation,
            String appId, String scope, boolean qrConnect) {
        String browserHash = BrowserBinding.ensure(request, response);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.stateTtl());
        String state = new SignedState(key).issue(expiresAt);
        String redirectUri = callbackUrl(request);
        AuthorizationRequest pending = new AuthorizationRequest(state, browserHash, appId, scope, redirectUri,
                fitting(returnTo, request), now, expiresAt).continuing(continuation);
        PendingLoginCookies.add(request, response, state, new PendingLoginCodec(key).encode(pending), secureCookies(request), paths.callbackPath());
        LOG.fine(() -> "step 1: authorization started, scope " + scope);
        return qrConnect ? AuthorizeUrlBuilder.qrConnect(config.openBaseUrl(), appId, redirectUri, state)
                : AuthorizeUrlBuilder.build(config.openBaseUrl(), appId, redirectUri, scope, state);
    }

    /** Step 2. Clears this state's pending-login cookie once it has done its job. */
    public CallbackResult complete(HttpServletRequest request, HttpServletResponse response) {
        String state = request.getParameter(WeChatParams.STATE);
        if (state == null || state.isEmpty()) {
            return failed(FlowProblem.STATE_MISSING, "no state");
        }
        Instant expiresAt = new SignedState(key).expiryOf(state).orElse(null);
        if (expiresAt == null) {
            return failed(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, "malformed or forged state");
        }
        if (!clock.instant().isBefore(expiresAt)) {
            return failed(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, "expired state");
        }
        AuthorizationRequest pending = PendingLoginCookies.find(request, state)
                .flatMap(value -> BrowserBinding.hash(request).flatMap(b -> new PendingLoginCodec(key).decode(value, state, expiresAt, b)))
                .orElse(null);
        if (pending == null) {
            // A state we issued, but this browser holds no valid pending login for it.
            return usedStates.wasUsed(SecureTokens.sha256Hex(state))
                    ? failed(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, "state already used")
                    : failed(FlowProblem.STATE_MISMATCH, "no pending login for this state in this browser");
        }
        return exchangeOnce(request, response, pending);
    }

    /** Step 2 for this browser's own pending login: the code, exchanged, and the state recorded once. */
    private CallbackResult exchangeOnce(HttpServletRequest request, HttpServletResponse response, AuthorizationRequest pending) {
        String code = request.getParameter(WeChatParams.CODE);
        if (code == null || code.isEmpty()) {
            // WeChat documents a refusal (snsapi_userinfo's consent, snsapi_login's confirmation) as a redirect with the state and no code.
            return !WeChatConfig.SCOPE_BASE.equals(pending.scope())
                    ? failed(FlowProblem.ACCESS_DENIED, "user refused")
                    : failed(FlowProblem.CODE_MISSING, "no code");
        }
        if (code.length() > MAX_CODE_LENGTH) {
            return failed(FlowProblem.CODE_REJECTED, "oversized code");
        }
        String stateHash = SecureTokens.sha256Hex(pending.state());
        if (usedStates.wasUsed(stateHash)) { // a copy of the cookie came back: no second exchange
            PendingLoginCookies.clear(request, response, pending.state(), secureCookies(request), paths.callbackPath());
            return failed(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, "state already used");
        }
        CallbackResult result = exchange(code, pending);
        if (result instanceof CallbackResult.Identified) {
            // Written only now, after WeChat accepted a code: a made-up code costs no row.
            if (!usedStates.markUsed(stateHash, pending.expiresAt())) {
                return failed(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, "state used by a concurrent callback");
            }
            PendingLoginCookies.clear(request, response, pending.state(), secureCookies(request), paths.callbackPath());
        }
        return result;
    }

    /** Fetches the profile behind a {@code snsapi_userinfo} token (register policy). */
    public WeChatIdentity withProfile(CallbackResult.Identified identified) {
        var profile = wechat.userInfo(identified.token());
        WeChatIdentity id = identified.identity();
        return new WeChatIdentity(id.appId(), id.openId(), profile.unionId() != null ? profile.unionId() : id.unionId(),
                profile.nickname(), profile.avatarUrl());
    }

    private CallbackResult exchange(String code, AuthorizationRequest pending) {
        OAuthAccessToken token;
        WeChatApp other = null;
        if (!pending.appId().equals(config.appId())) { // another app's login: its own credentials (a website app's, §2)
            other = apps == null ? null : apps.byId(pending.appId()).orElse(null);
            if (other == null) {
                return failed(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, "app no longer configured");
            }
        }
        try {
            token = other == null ? wechat.exchangeCode(code) : wechat.exchangeCode(other, code);
        } catch (WeChatApiException e) {
            return failed(FlowProblem.of(e), "errcode " + e.errcode());
        } catch (WeChatUnavailableException e) {
            return failed(FlowProblem.WECHAT_UNAVAILABLE, e.getMessage());
        }
        if (token.snapshotUser()) {
            return failed(FlowProblem.SNAPSHOT_USER, "snapshot-page virtual account");
        }
        return new CallbackResult.Identified(
                new WeChatIdentity(pending.appId(), token.openId(), token.unionId(), null, null), token, pending);
    }

    /** Where WeChat sends the browser back ({@code wechat.callback-path}). */
    public String callbackPath() {
        return paths.callbackPath();
    }

    /** The absolute redirect_uri: the configured public base (behind a proxy) or this request's origin. */
    String callbackUrl(HttpServletRequest request) {
        if (config.publicBaseUrl() != null) {
            return config.publicBaseUrl() + paths.callbackPath();
        }
        StringBuilder url = new StringBuilder().append(request.getScheme()).append("://").append(request.getServerName());
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80) || ("https".equals(request.getScheme()) && port == 443);
        if (!defaultPort) {
            url.append(':').append(port);
        }
        return url.append(request.getContextPath()).append(paths.callbackPath()).toString();
    }

    /**
     * The return URL, or the context root when it would not fit a cookie: {@link ReturnUrlPolicy}
     * counts characters, a cookie counts bytes (only long non-ASCII URLs differ).
     */
    private static String fitting(String returnTo, HttpServletRequest request) {
        return returnTo.getBytes(StandardCharsets.UTF_8).length <= ReturnUrlPolicy.MAX_LENGTH ? returnTo
                : request.getContextPath() + "/";
    }

    /** Secure when the public URL is https (behind a TLS proxy the request itself is plain http). */
    boolean secureCookies(HttpServletRequest request) {
        return config.publicBaseUrl() != null ? "https".equals(config.publicBaseUrl().getScheme()) : request.isSecure();
    }

    private static CallbackResult failed(LoginProblem problem, String detail) {
        LOG.fine(() -> "step 2 stopped: " + problem.code() + " (" + detail + ")");
        return new CallbackResult.Failed(problem, detail);
    }
}
