package io.wxbind.miniprogram;

import io.wxbind.account.AccountBindingService;
import io.wxbind.account.Resolution;
import io.wxbind.account.StampedAccount;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.auth.LoginAdmission;
import io.wxbind.auth.LoginMethod;
import io.wxbind.auth.flow.BindTicketStore;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.flow.LoginProblem;
import io.wxbind.auth.token.ApiTokenService;
import io.wxbind.auth.token.IssuedApiToken;
import io.wxbind.config.WeChatApp;
import io.wxbind.config.WeChatAppType;
import io.wxbind.config.WeChatApps;
import io.wxbind.config.WeChatConfig;
import io.wxbind.wechat.LogSafe;
import io.wxbind.wechat.MiniProgramClient;
import io.wxbind.wechat.MiniProgramSession;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code wx.login}'s code to a login (protocol §3.1):
 *
 * <pre>
 *  1. appId a configured mini program, code well-formed      → else unknown_app / invalid_code (400)
 *  2. UsedJsCodes.claim (committed at once)                  → taken: code_used (409), WeChat not called
 *  3. sns/jscode2session                                     → 40029 / 40163 / 40226 / 45011 / -1 as clear errors
 *  4. session_key sealed and stored (replaces the last one)
 *  5. bound (openid, or unionid through a sibling app)?      → admitted: API token; disabled: account_unavailable
 *                                                            → unionid on another account: unionid_conflict (409)
 *                                                            → unbound: a bind ticket for the JSON bind endpoints
 * </pre>
 */
@ApplicationScoped
public class MiniProgramLogin {

    private static final Logger LOG = Logger.getLogger(MiniProgramLogin.class.getName());
    /** A wx.login code lives 5 minutes (§3.1); its claim is kept a little longer. */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(6);
    /** Logged in from a mini program with a bound WeChat. */
    public static final LoginMethod METHOD = new LoginMethod("WECHAT_MINIPROGRAM", "WeChat mini program (bound account)");

    /** What came of a login. */
    public sealed interface Result {

        record LoggedIn(String caller, IssuedApiToken token) implements Result {
        }

        record Unbound(String bindTicket, long expiresIn) implements Result {
        }

        /** {@code retryAfterSeconds} 0: none. */
        record Failed(LoginProblem problem, long retryAfterSeconds) implements Result {
        }
    }

    @Inject
    WeChatApps apps;

    @Inject
    WeChatConfig config;

    @Inject
    MiniProgramClient client;

    @Inject
    UsedJsCodes usedCodes;

    @Inject
    SessionKeyStore sessionKeys;

    @Inject
    AccountBindingService bindings;

    @Inject
    LoginAdmission admission;

    @Inject
    ApiTokenService tokens;

    @Inject
    BindTicketStore tickets;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    public Result login(String appId, String code) {
        Optional<WeChatApp> app = apps.byId(appId).filter(a -> a.type() == WeChatAppType.MINI_PROGRAM);
        if (app.isEmpty()) {
            return failed(MiniProgramProblem.UNKNOWN_APP);
        }
        if (code == null || code.isBlank()) {
            return failed(MiniProgramProblem.CODE_MISSING);
        }
        if (code.length() > 128 || !code.matches("[A-Za-z0-9_\\-]+")) {
            return failed(MiniProgramProblem.INVALID_CODE);
        }
        if (!usedCodes.claim(appId, code, clock.instant().plus(CODE_LIFETIME))) {
            return failed(MiniProgramProblem.CODE_USED);
        }
        MiniProgramSession session;
        try {
            session = client.codeToSession(app.get(), code);
        } catch (WeChatApiException e) {
            return weChatRefused(e);
        } catch (WeChatUnavailableException e) {
            LOG.warning(() -> "mini-program login: WeChat unavailable: " + e.getMessage());
            return new Result.Failed(MiniProgramProblem.WECHAT_UNAVAILABLE, 5);
        }
        return signIn(appId, session);
    }

    /** Steps 4-5, each store committing its own part: the key, the binding (a sibling app's unionid binds this openid), the token or ticket. */
    private Result signIn(String appId, MiniProgramSession session) {
        sessionKeys.save(appId, session.openId(), session.sessionKey());
        Resolution resolved = bindings.resolve(session.identity(appId));
        if (resolved instanceof Resolution.UnionIdConflict) { // audited by the binding service, for both accounts
            return failed(FlowProblem.UNIONID_CONFLICT);
        }
        if (!(resolved instanceof Resolution.Bound bound)) {
            String ticket = tickets.issue(session.identity(appId), ApiTicketHolder.HASH, "/");
            return new Result.Unbound(ticket, config.bindTicketTtl().toSeconds());
        }
        String account = bound.accountName();
        Optional<StampedAccount> admitted = admission.admit(account, METHOD);
        if (admitted.isEmpty()) {
            return failed(FlowProblem.ACCOUNT_UNAVAILABLE);
        }
        audit.fire(AuditEvent.of(AuditKind.LOGIN, account).withWeChat(appId, LogSafe.shortId(session.openId()))
                .withMethod(METHOD.name()));
        return new Result.LoggedIn(account, tokens.issue(account, admitted.get().stamp()));
    }

    private Result weChatRefused(WeChatApiException e) {
        return switch (e.error()) {
            case INVALID_CODE, OAUTH_CODE_EXPIRED -> failed(MiniProgramProblem.INVALID_CODE);
            case CODE_USED -> failed(MiniProgramProblem.CODE_USED);
            case CODE_BLOCKED -> failed(MiniProgramProblem.USER_BLOCKED);
            case FREQUENCY_LIMIT -> new Result.Failed(MiniProgramProblem.RATE_LIMITED, 60);
            case SYSTEM_BUSY -> new Result.Failed(MiniProgramProblem.WECHAT_BUSY, 2);
            default -> {
                LOG.severe(() -> "mini-program login refused by WeChat: errcode " + e.errcode() + " (check the mini program's appid and secret)");
                yield failed(MiniProgramProblem.WECHAT_REFUSED);
            }
        };
    }

    private static Result failed(LoginProblem problem) {
        return new Result.Failed(problem, 0);
    }
}
