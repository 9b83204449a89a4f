package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.OPEN_PLATFORM;
import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.assertProblemPage;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.loginMethod;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.ItSupport;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Policy {@code register} ({@code snsapi_userinfo}) on a second app node that shares the
 * database and the simulator: consent page, refusal, account creation, unionid from another app.
 */
class RegisterPolicyIT {

    private static String app;

    @BeforeAll
    static void registerNode() {
        app = stack().startExtraNode("register", Map.of("wechat.first-login", "register")).url("/wxbind/");
    }

    private static WeChatBrowser.Page consentPage(WeChatBrowser b) {
        WeChatBrowser.Chain chain = b.open(app + "app/");
        WeChatBrowser.Page consent = chain.last();
        assertEquals(200, consent.status(), chain.toString());
        assertTrue(consent.uri().getPath().endsWith("/connect/oauth2/authorize"), chain.toString());
        assertTrue(chain.toString().contains("scope=snsapi_userinfo"), chain.toString());
        return consent;
    }

    /** Answers the simulator's {@code snsapi_userinfo} consent page ("allow" or "deny") and follows WeChat's redirect. */
    static WeChatBrowser.Chain answer(WeChatBrowser b, WeChatBrowser.Page consent, String decision) {
        Matcher m = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"").matcher(consent.body());
        assertTrue(m.find(), "no pending id on the consent page");
        String action = consent.uri().resolve("authorize/reply").toString();
        return b.follow(b.post(action, Map.of("pending", m.group(1), "decision", decision)));
    }

    @Test
    void firstLoginWhenAllowedThenAccountCreatedFromProfileWithTwoWeChatCalls() {
        SimControl.SimPersonInfo p = sim().newPerson("Ma Newcomer");
        WeChatBrowser b = new WeChatBrowser(p.id());
        long exchanges = sim().calls("/api/sns/oauth2/access_token");
        long userinfos = sim().calls("/api/sns/userinfo");
        WeChatBrowser.Chain done = answer(b, consentPage(b), "allow");
        WeChatBrowser.Page page = done.last();
        assertEquals(200, page.status(), done.toString());
        assertEquals("WECHAT_REGISTER", loginMethod(page));
        assertTrue(page.body().contains("Ma Newcomer"), "display name from the WeChat profile");
        String account = boundAccount(APP_ID, p.openIdFor(APP_ID));
        assertTrue(account != null && account.startsWith("wx_"), String.valueOf(account));
        assertCaller(page, account);
        assertEquals(exchanges + 1, sim().calls("/api/sns/oauth2/access_token"));
        assertEquals(userinfos + 1, sim().calls("/api/sns/userinfo"));
    }

    @Test
    void consentWhenDeniedThenClearPageAndNoAccount() {
        SimControl.SimPersonInfo p = sim().newPerson("He Refuser");
        WeChatBrowser b = new WeChatBrowser(p.id());
        assertProblemPage(answer(b, consentPage(b), "deny").last(), 403, "access_denied");
        assertNull(boundAccount(APP_ID, p.openIdFor(APP_ID)));
    }

    @Test
    void loginWhenUnionIdBoundThroughAnotherAppThenThatAccountNoNewOne() {
        SimControl.SimPersonInfo p = sim().newPerson("Lu Crossapp");
        // As if the person had bound the website app (another app of the same open platform) to bob.
        ItSupport.update("insert into wxbind_wechat_unionid (union_id, account_name, bound_at) values (?, 'bob', now())",
                p.unionIdFor(OPEN_PLATFORM));
        WeChatBrowser b = new WeChatBrowser(p.id());
        WeChatBrowser.Page page = answer(b, consentPage(b), "allow").last();
        assertCaller(page, "bob");
        assertEquals("WECHAT", loginMethod(page));
        assertEquals("bob", boundAccount(APP_ID, p.openIdFor(APP_ID)), "this app's openid now bound too");
    }
}
