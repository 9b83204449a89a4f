package io.wxbind.auth.flow;

import io.wxbind.config.WeChatConfig;
import io.wxbind.wechat.OAuthAccessToken;
import io.wxbind.wechat.WeChatApiClient;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatParams;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Steps 1 and 2 of the web flow (see {@code WeChatAuthenticationMechanism}): start an
 * authorization (state saved server-side, browser bound, authorize URL) and complete it
 * (state taken once, browser checked, code exchanged exactly once).
 */
@ApplicationScoped
public class LoginFlow {

    /** Where WeChat sends the browser back (flow step 2). */
    public static final String CALLBACK_PATH = "/wechat/callback";
    static final int STATE_LENGTH = 40;
    static final int MAX_CODE_LENGTH = 512;
    private static final Logger LOG = Logger.getLogger(LoginFlow.class.getName());

    @Inject
    WeChatConfig config;

    @Inject
    AuthorizationRequestStore requests;

    @Inject
    WeChatApiClient wechat;

    @Inject
    Clock clock;

    /** Step 1. {@code returnTo} must already have passed the {@link ReturnUrlPolicy}. */
    public String start(HttpServletRequest request, HttpServletResponse response, String returnTo) {
        return start(request, response, returnTo, null);
    }

    /** Step 1 for a message link: the callback must bring back the openid of the link ticket with this hash. */
    public String start(HttpServletRequest request, HttpServletResponse response, String returnTo, String linkTicketHash) {
        return start(request, response, returnTo, linkTicketHash, null);
    }

    /** Step 1 for a QR confirm link: the callback must bring back the openid that scanned the code. */
    public String startForConfirm(HttpServletRequest request, HttpServletResponse response, String returnTo, String confirmTicketHash) {
        return start(request, response, returnTo, null, confirmTicketHash);
    }

    private String start(HttpServletRequest request, HttpServletResponse response, String returnTo, String linkTicketHash,
            String confirmTicketHash) {
        String browserHash = BrowserBinding.ensure(request, response);
        String state = SecureTokens.alphanumeric(STATE_LENGTH);
        String redirectUri = callbackUrl(request);
        Instant now = clock.instant();
        requests.save(new AuthorizationRequest(state, browserHash, config.appId(), config.scope(), redirectUri, returnTo,
                now, now.plus(config.stateTtl())).forLink(linkTicketHash).forConfirm(confirmTicketHash));
        LOG.fine(() -> "step 1: authorization started, scope " + config.scope());
        return AuthorizeUrlBuilder.build(config.openBaseUrl(), config.appId(), redirectUri, config.scope(), state);
    }

    /** Step 2. */
    public CallbackResult complete(HttpServletRequest request) {
        String state = request.getParameter(WeChatParams.STATE);
        if (state == null || state.isEmpty()) {
            return failed(FlowProblem.STATE_MISSING, "no state");
        }
        if (!SecureTokens.looksLikeToken(state)) {
            return failed(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, "malformed state");
        }
        AuthorizationRequest pending = requests.take(state).orElse(null);
        if (pending == null) {
            return failed(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, "unknown or used state");
        }
        if (pending.isExpiredAt(clock.instant())) {
            return failed(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, "expired state");
        }
        boolean sameBrowser = BrowserBinding.hash(request)
                .map(h -> SecureTokens.constantTimeEquals(h, pending.browserHash())).orElse(false);
        if (!sameBrowser) {
            return failed(FlowProblem.STATE_MISMATCH, "browser cookie does not match the state");
        }
        String code = request.getParameter(WeChatParams.CODE);
        if (code == null || code.isEmpty()) {
            // WeChat documents a refusal as a redirect with the state and no code.
            return WeChatConfig.SCOPE_USERINFO.equals(pending.scope())
                    ? failed(FlowProblem.ACCESS_DENIED, "user refused")
                    : failed(FlowProblem.CODE_MISSING, "no code");
        }
        if (code.length() > MAX_CODE_LENGTH) {
            return failed(FlowProblem.CODE_REJECTED, "oversized code");
        }
        return exchange(code, pending);
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
        try {
            token = wechat.exchangeCode(code);
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

    /** The absolute redirect_uri: the configured public base (behind a proxy) or this request's origin. */
    String callbackUrl(HttpServletRequest request) {
        if (config.publicBaseUrl() != null) {
            return config.publicBaseUrl() + CALLBACK_PATH;
        }
        StringBuilder url = new StringBuilder().append(request.getScheme()).append("://").append(request.getServerName());
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80) || ("https".equals(request.getScheme()) && port == 443);
        if (!defaultPort) {
            url.append(':').append(port);
        }
        return url.append(request.getContextPath()).append(CALLBACK_PATH).toString();
    }

    private static CallbackResult failed(FlowProblem problem, String detail) {
        LOG.fine(() -> "step 2 stopped: " + problem.code() + " (" + detail + ")");
        return new CallbackResult.Failed(problem, detail);
    }
}
