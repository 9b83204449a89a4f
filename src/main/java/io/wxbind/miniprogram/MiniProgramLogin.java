package io.wxbind.miniprogram;

import io.wxbind.auth.LoginMethod;
import io.wxbind.auth.flow.LoginProblem;
import io.wxbind.auth.token.IssuedApiToken;
import io.wxbind.config.WeChatAppType;
import io.wxbind.wechat.MiniProgramClient;
import io.wxbind.wechat.MiniProgramSession;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * {@code wx.login}'s code to a login (protocol §3.1):
 *
 * <pre>
 *  1. appId a configured mini program, code well-formed      → else unknown_app / invalid_code (400)
 *  2. the code claimed once (committed at once)              → taken: code_used (409), WeChat not called
 *  3. sns/jscode2session                                     → 40029 / 40163 / 40226 / 45011 / -1 as clear errors
 *  4. session_key sealed and stored (replaces the last one)
 *  5. bound (openid, or unionid through a sibling app)?      → admitted: API token; disabled: account_unavailable
 *                                                            → unionid on another account: unionid_conflict (409)
 *                                                            → unbound: a bind ticket for the JSON bind endpoint
 * </pre>
 * Steps 1, 2 and 5 are {@link ApiSignIn}'s, shared with the mobile app.
 */
@ApplicationScoped
public class MiniProgramLogin {

    /** A wx.login code lives 5 minutes (§3.1); its claim is kept a little longer. */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(6);
    /** Logged in from a mini program with a bound WeChat. */
    public static final LoginMethod METHOD = new LoginMethod("WECHAT_MINIPROGRAM", "WeChat mini program (bound account)");

    /** What came of a login. */
    public sealed interface Result {

        record LoggedIn(String caller, IssuedApiToken token) implements Result {
        }

        /** {@code bindWith}: the ways open to this person ({@link ApiFirstLogin#waysFor}). */
        record Unbound(String bindTicket, long expiresIn, java.util.List<String> bindWith) implements Result {
        }

        /** {@code retryAfterSeconds} 0: none. */
        record Failed(LoginProblem problem, long retryAfterSeconds) implements Result {
        }
    }

    @Inject
    ApiSignIn signIn;

    @Inject
    MiniProgramClient client;

    @Inject
    SessionKeyStore sessionKeys;

    /** @param clientKey the client address's throttle key ({@code io.wxbind.client.ClientAddressResolver}) */
    public Result login(String appId, String code, String clientKey) {
        ApiSignIn.Accepted accepted = signIn.accept(appId, WeChatAppType.MINI_PROGRAM, code, CODE_LIFETIME, clientKey);
        if (accepted.refusal() != null) {
            return accepted.refusal();
        }
        MiniProgramSession session;
        try {
            session = client.codeToSession(accepted.app().orElseThrow(), code);
        } catch (WeChatApiException e) {
            return ApiSignIn.refused(e, "mini-program login");
        } catch (WeChatUnavailableException e) {
            return ApiSignIn.unavailable("mini-program login", e.getMessage());
        }
        sessionKeys.save(appId, session.openId(), session.sessionKey());
        return signIn.signIn(session.identity(appId), METHOD);
    }
}
