package io.wxbind.mobileapp;

import io.wxbind.auth.LoginMethod;
import io.wxbind.config.WeChatApp;
import io.wxbind.config.WeChatAppType;
import io.wxbind.config.WeChatConfig;
import io.wxbind.miniprogram.ApiSignIn;
import io.wxbind.miniprogram.MiniProgramLogin.Result;
import io.wxbind.wechat.JdkWeChatApiClient;
import io.wxbind.wechat.OAuthAccessToken;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatIdentity;
import io.wxbind.wechat.WeChatUnavailableException;
import io.wxbind.wechat.WeChatUserProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The app SDK's code to a login (protocol §1.3 with the mobile app's credentials, §9):
 *
 * <pre>
 *  1. appId a configured mobile app, code well-formed   → else unknown_app / invalid_code (400)
 *  2. the code claimed once (committed at once)         → taken: code_used (409), WeChat not called
 *  3. sns/oauth2/access_token (+ sns/userinfo when the token brought no unionid)
 *  4. bound (openid, or unionid through a sibling app)? → API token; unbound → bind ticket
 * </pre>
 * Steps 1, 2 and 4 are {@link ApiSignIn}'s, shared with the mini program.
 */
@ApplicationScoped
public class MobileAppLogin {

    /** The SDK's code lives 10 minutes at most (§1.3); its claim is kept a little longer. */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(11);
    /** Logged in from a mobile app with a bound WeChat. */
    public static final LoginMethod METHOD = new LoginMethod("WECHAT_MOBILE_APP", "WeChat mobile app (bound account)");

    @Inject
    ApiSignIn signIn;

    @Inject
    JdkWeChatApiClient client;

    /** @param clientKey the client address's throttle key ({@code io.wxbind.client.ClientAddressResolver}) */
    public Result login(String appId, String code, String clientKey) {
        ApiSignIn.Accepted accepted = signIn.accept(appId, WeChatAppType.MOBILE, code, CODE_LIFETIME, clientKey);
        if (accepted.refusal() != null) {
            return accepted.refusal();
        }
        WeChatApp app = accepted.app().orElseThrow();
        WeChatIdentity identity;
        try {
            identity = identity(app, client.exchangeCode(app, code));
        } catch (WeChatApiException e) {
            return ApiSignIn.refused(e, "mobile-app login");
        } catch (WeChatUnavailableException e) {
            return ApiSignIn.unavailable("mobile-app login", e.getMessage());
        }
        return signIn.signIn(identity, METHOD);
    }

    /** The unionid from the token, else from sns/userinfo (an app in an open-platform account has one there, §9). */
    private WeChatIdentity identity(WeChatApp app, OAuthAccessToken token) {
        if (token.unionId() != null || !token.scopes().contains(WeChatConfig.SCOPE_USERINFO)) {
            return new WeChatIdentity(app.appId(), token.openId(), token.unionId(), null, null);
        }
        WeChatUserProfile profile = client.userInfo(token);
        return new WeChatIdentity(app.appId(), token.openId(), profile.unionId(), null, null);
    }
}
