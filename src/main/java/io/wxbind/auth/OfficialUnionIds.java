package io.wxbind.auth;

import io.wxbind.account.AccountBindingService;
import io.wxbind.auth.flow.CallbackResult;
import io.wxbind.auth.flow.LoginFlow;
import io.wxbind.config.UnionIdConfig;
import io.wxbind.config.WeChatApp;
import io.wxbind.config.WeChatAppType;
import io.wxbind.config.WeChatApps;
import io.wxbind.config.WeChatConfig;
import io.wxbind.wechat.FollowerUnionIds;
import io.wxbind.wechat.LogSafe;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Flow step 2b for the official account: the unionid that {@code snsapi_base} never returns
 * (protocol §1.3, §9), so that one person is one account across the official account, the mini
 * program, the website and the app ({@code wechat.unionid-lookup}, {@link UnionIdConfig}).
 *
 * <pre>
 *   callback (snsapi_base, code exchanged: openid, no unionid)
 *   1 unionid already known, or the app has no open platform, or lookup off  → as it is
 *   2 the openid is bound and its binding has the unionid                    → as it is (one code exchange)
 *   3 cgi-bin/user/info (server token; followers only)                       → with the unionid
 *   4 this login already was snsapi_userinfo, or a feature's login, or
 *     mode "followers"                                                        → as it is (never a second consent)
 *   5 else: a new authorization, snsapi_userinfo, new signed state and pending cookie (single use,
 *     this browser only, as the first); WeChat shows its consent page; its callback returns here
 *     with the unionid in the token and stops at 1 or 4. A refusal is {@code access_denied}'s page.
 * </pre>
 * The identity with its unionid then resolves as any other ({@link AccountBindingService#resolve}):
 * bound through another app → logged in and this openid bound; a binding without unionid gets
 * it attached (or a conflict is refused); unbound → the bind ticket carries the unionid.
 */
@ApplicationScoped
public class OfficialUnionIds {

    private static final Logger LOG = Logger.getLogger(OfficialUnionIds.class.getName());

    /** What the callback does next. */
    public sealed interface Step {
    }

    /** Go on with this login (its identity now has the unionid when one was to be had). */
    public record Known(CallbackResult.Identified identified) implements Step {
    }

    /** Send the browser to WeChat for the one {@code snsapi_userinfo} authorization. */
    public record Ask(String authorizeUrl) implements Step {
    }

    @Inject
    UnionIdConfig settings = UnionIdConfig.DEFAULTS;

    @Inject
    WeChatApps apps;

    @Inject
    AccountBindingService bindings;

    @Inject
    FollowerUnionIds followers;

    @Inject
    LoginFlow flow;

    public Step complete(HttpServletRequest request, HttpServletResponse response, CallbackResult.Identified identified) {
        WeChatIdentity id = identified.identity();
        if (id.unionId() != null || settings.mode() == UnionIdConfig.Mode.OFF || !inOpenPlatform(id.appId())) { // 1
            return new Known(identified);
        }
        if (!bindings.lacksUnionId(id.appId(), id.openId())) { // 2
            return new Known(identified);
        }
        boolean consented = WeChatConfig.SCOPE_USERINFO.equals(identified.request().scope());
        if (!consented) {
            Optional<String> follower = followers.of(id.appId(), id.openId()); // 3
            if (follower.isPresent()) {
                LOG.fine(() -> "step 2b: unionid of follower " + LogSafe.shortId(id.openId()) + " by user/info");
                return new Known(withUnionId(identified, follower.get()));
            }
        }
        if (consented || identified.request().continuation().isPresent() || settings.mode() != UnionIdConfig.Mode.CONSENT) { // 4
            return new Known(identified);
        }
        LOG.fine(() -> "step 2b: no unionid for " + LogSafe.shortId(id.openId()) + ", asking snsapi_userinfo once");
        return new Ask(flow.start(request, response, identified.request().returnTo(), null, WeChatConfig.SCOPE_USERINFO)); // 5
    }

    private boolean inOpenPlatform(String appId) {
        return apps.byId(appId).filter(a -> a.type() == WeChatAppType.OFFICIAL_ACCOUNT).map(WeChatApp::hasOpenPlatform).orElse(false);
    }

    static CallbackResult.Identified withUnionId(CallbackResult.Identified identified, String unionId) {
        WeChatIdentity id = identified.identity();
        return new CallbackResult.Identified(new WeChatIdentity(id.appId(), id.openId(), unionId, id.nickname(), id.avatarUrl()),
                identified.token(), identified.request());
    }
}
