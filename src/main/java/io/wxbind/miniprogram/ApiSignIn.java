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
import io.wxbind.config.WeChatApp;
import io.wxbind.config.WeChatAppType;
import io.wxbind.config.WeChatApps;
import io.wxbind.config.WeChatConfig;
import io.wxbind.miniprogram.MiniProgramLogin.Result;
import io.wxbind.wechat.LogSafe;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What every login of an API client with a WeChat code shares (mini program, mobile app): the
 * checks before WeChat is called, the single use of the code, WeChat's refusals as stable errors,
 * and the ending: an API token for a bound, admitted account, else a bind ticket.
 */
@ApplicationScoped
public class ApiSignIn {

    private static final Logger LOG = Logger.getLogger(ApiSignIn.class.getName());

    @Inject
    WeChatApps apps;

    @Inject
    WeChatConfig config;

    @Inject
    UsedJsCodes usedCodes;

    @Inject
    AccountBindingService bindings;

    @Inject
    LoginAdmission admission;

    @Inject
    ApiTokenService tokens;

    @Inject
    BindTicketStore tickets;

    @Inject
    ApiFirstLogin firstLogin;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    /**
     * A code for an app of this type, well-formed and claimed now by {@code clientKey} (the client
     * address's throttle key); else why not (WeChat not called).
     */
    public Accepted accept(String appId, WeChatAppType type, String code, Duration codeLifetime, String clientKey) {
        Optional<WeChatApp> app = apps.byId(appId).filter(a -> a.type() == type);
        if (app.isEmpty()) {
            return Accepted.refused(MiniProgramProblem.UNKNOWN_APP);
        }
        if (code == null || code.isBlank()) {
            return Accepted.refused(MiniProgramProblem.CODE_MISSING);
        }
        if (code.length() > 128 || !code.matches("[A-Za-z0-9_\\-]+")) {
            return Accepted.refused(MiniProgramProblem.INVALID_CODE);
        }
        Instant now = clock.instant();
        UsedJsCodes.Claim claim = usedCodes.claim(appId, code, clientKey, now, now.plus(codeLifetime));
        if (claim == UsedJsCodes.Claim.THROTTLED) {
            return new Accepted(Optional.empty(), new Result.Failed(MiniProgramProblem.TOO_MANY_LOGINS, UsedJsCodes.WINDOW.toSeconds()));
        }
        if (claim == UsedJsCodes.Claim.USED) {
            return Accepted.refused(MiniProgramProblem.CODE_USED);
        }
        return new Accepted(app, null);
    }

    /** The app to call WeChat for, or the refusal. */
    public record Accepted(Optional<WeChatApp> app, Result.Failed refusal) {
        static Accepted refused(LoginProblem problem) {
            return new Accepted(Optional.empty(), new Result.Failed(problem, 0));
        }
    }

    /**
     * Bound (this app's openid, or the unionid through a sibling app) and admitted: a token;
     * unbound: a bind ticket and the ways to use it; the unionid on another account: refused (audited by the binding service).
     */
    public Result signIn(WeChatIdentity identity, LoginMethod method) {
        Resolution resolved = bindings.resolve(identity);
        if (resolved instanceof Resolution.UnionIdConflict) {
            return new Result.Failed(FlowProblem.UNIONID_CONFLICT, 0);
        }
        if (!(resolved instanceof Resolution.Bound bound)) {
            return new Result.Unbound(tickets.issue(identity, ApiTicketHolder.HASH, "/"), config.bindTicketTtl().toSeconds(),
                    firstLogin.waysFor(identity.appId()));
        }
        return admitted(bound.accountName(), method, identity);
    }

    /**
     * The ending of every API client's login (bound, bound just now, registered): the account
     * admitted for {@code method} → the login audited and an API token; disabled or gone: account_unavailable.
     */
    public Result admitted(String account, LoginMethod method, WeChatIdentity identity) {
        Optional<StampedAccount> admitted = admission.admit(account, method);
        if (admitted.isEmpty()) {
            return new Result.Failed(FlowProblem.ACCOUNT_UNAVAILABLE, 0);
        }
        audit.fire(AuditEvent.of(AuditKind.LOGIN, account).withWeChat(identity.appId(), LogSafe.shortId(identity.openId()))
                .withMethod(method.name()));
        return new Result.LoggedIn(account, tokens.issue(account, admitted.get().stamp()));
    }

    /** WeChat's errcode as a stable error; a wrong appid or secret is the site's fault, logged for its operators. */
    public static Result refused(WeChatApiException e, String call) {
        return switch (e.error()) {
            case INVALID_CODE, OAUTH_CODE_EXPIRED -> new Result.Failed(MiniProgramProblem.INVALID_CODE, 0);
            case CODE_USED -> new Result.Failed(MiniProgramProblem.CODE_USED, 0);
            case CODE_BLOCKED -> new Result.Failed(MiniProgramProblem.USER_BLOCKED, 0);
            case FREQUENCY_LIMIT -> new Result.Failed(MiniProgramProblem.RATE_LIMITED, 60);
            case SYSTEM_BUSY -> new Result.Failed(MiniProgramProblem.WECHAT_BUSY, 2);
            default -> {
                LOG.severe(() -> call + " refused by WeChat: errcode " + e.errcode() + " (check the app's appid and secret)");
                yield new Result.Failed(MiniProgramProblem.WECHAT_REFUSED, 0);
            }
        };
    }

    /** No answer from WeChat: try again shortly. */
    public static Result unavailable(String call, String detail) {
        LOG.warning(() -> call + ": WeChat unavailable: " + detail);
        return new Result.Failed(MiniProgramProblem.WECHAT_UNAVAILABLE, 5);
    }
}
