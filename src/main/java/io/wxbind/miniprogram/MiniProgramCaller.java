package io.wxbind.miniprogram;

import io.wxbind.account.AccountBindingService;
import io.wxbind.account.WeChatOpenId;
import io.wxbind.auth.flow.LoginProblem;
import io.wxbind.auth.token.ApiTokenGrant;
import io.wxbind.config.WeChatAppType;
import io.wxbind.config.WeChatApps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Who calls, as which WeChat user of which mini program: the account of the bearer token
 * ({@link ApiTokenGrant}; a session cookie is not enough, a mini program has none) and its openid
 * in that mini program (from the bindings). An account with several WeChat users bound in one
 * mini program acts as the one that logged in last: the token does not say which one got it.
 */
@ApplicationScoped
// One transaction for both reads: Payara shares one non-transactional EntityManager between the
// beans of a request and closes it once per bean (see MeViews).
@Transactional
public class MiniProgramCaller {

    /** The caller, or why there is none. */
    public sealed interface Resolution {

        /** No bearer token: the answer is 401 with the bearer challenge. */
        record Anonymous() implements Resolution {
        }

        record Refused(LoginProblem problem) implements Resolution {
        }

        record Found(String caller, String appId, String openId) implements Resolution {
        }
    }

    @Inject
    WeChatApps apps;

    @Inject
    AccountBindingService bindings;

    @Inject
    SessionKeyStore sessionKeys;

    public Resolution resolve(HttpServletRequest request, String appId) {
        if (request.getUserPrincipal() == null || ApiTokenGrant.current(request).isEmpty()) {
            return new Resolution.Anonymous();
        }
        if (appId == null || apps.byId(appId).filter(a -> a.type() == WeChatAppType.MINI_PROGRAM).isEmpty()) {
            return new Resolution.Refused(MiniProgramProblem.UNKNOWN_APP);
        }
        String caller = request.getUserPrincipal().getName();
        Optional<WeChatOpenId> latest = bindings.bindingsOf(caller).stream().filter(b -> appId.equals(b.appId()))
                .max(Comparator.comparing(b -> Objects.requireNonNullElse(b.lastLoginAt(), Instant.EPOCH)));
        return latest.<Resolution>map(b -> new Resolution.Found(caller, appId, b.openId()))
                .orElseGet(() -> new Resolution.Refused(MiniProgramCallProblem.NOT_BOUND_HERE));
    }

    /** The session_key stored at this user's last login, if any. */
    public Optional<String> sessionKey(Resolution.Found found) {
        return sessionKeys.find(found.appId(), found.openId());
    }
}
