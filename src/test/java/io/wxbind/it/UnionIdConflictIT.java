package io.wxbind.it;

import static io.wxbind.it.QrBindingIT.control;
import static io.wxbind.it.support.ItSupport.assertProblemPage;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.count;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.ItSupport;
import io.wxbind.it.support.JsonApi;
import io.wxbind.it.support.QrPhone;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.TestAccounts;
import io.wxbind.it.support.WeChatBrowser;
import io.wxbind.launch.WxBindStack;
import io.wxbind.util.SecureTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, "unionid arriving later": an app bound its users before it joined the open platform,
 * and WeChat now sends unionids with its logins. A binding of that time is a row without a
 * unionid (put into the database here, as the old version left it); the person's unionid may
 * meanwhile stand for another account, bound through the real mini-program flow. Such a login is
 * refused (web: a 409 page, mini program: JSON 409, QR login: on the phone and the desktop), audited for both
 * accounts, and changes no binding; without a conflict the unionid is attached.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class UnionIdConflictIT {

    private static final String MINI = WxBindStack.MINIPROGRAM_APP_ID;
    private static final String OFFICIAL = WxBindStack.APP_ID;
    private static final String PASSWORD = "union-conflict-pw";

    private static SimControl sim;
    private static List<String> accounts;

    @BeforeAll
    static void stackUp() {
        sim = ItSupport.sim();
        accounts = TestAccounts.create(stack().database(), "uc" + SecureTokens.alphanumeric(6).toLowerCase(Locale.ROOT), 7, PASSWORD);
    }

    /** The row a binding made before the app gave unionids is: no unionid. */
    private static void bindWithoutUnionId(String appId, String openId, String account) {
        assertEquals(1, ItSupport.update("insert into wxbind_wechat_openid (app_id, open_id, account_name, bound_at, last_login_at)"
                + " values (?, ?, ?, now() - interval '400 days', now() - interval '30 days')", appId, openId, account));
    }

    /** Binds the person's mini-program openid to {@code account} the real way: wx.login code, bind ticket, password. */
    private static void bindThroughMiniProgram(SimControl.SimPersonInfo person, String account) {
        HttpResponse<String> first = MiniProgramLoginIT.session(MINI, MiniProgramLoginIT.wxLogin(person.id()));
        assertEquals(200, first.statusCode(), first.body());
        String ticket = JsonApi.json(first).getString("bindTicket");
        HttpResponse<String> bound = MiniProgramLoginIT.post("api/wechat/miniprogram/bind",
                Json.createObjectBuilder().add("bindTicket", ticket).add("username", account).add("password", PASSWORD).build());
        assertEquals(200, bound.statusCode(), bound.body());
        assertUnionIdOn(person, account, "the mini program gives unionids: recorded for " + account);
    }

    /** The person's unionid is recorded once, for {@code account}. */
    private static void assertUnionIdOn(SimControl.SimPersonInfo person, String account, String why) {
        assertEquals(1, count("select count(*) from wxbind_wechat_unionid where union_id = ?", unionId(person)), why);
        assertEquals(1, count("select count(*) from wxbind_wechat_unionid where union_id = ? and account_name = ?", unionId(person), account),
                why);
    }

    private static String unionId(SimControl.SimPersonInfo person) {
        return person.unionIdFor(WxBindStack.OPEN_PLATFORM);
    }

    private static long unionIdOf(String appId, String openId, String unionId) {
        return count("select count(*) from wxbind_wechat_openid where app_id = ? and open_id = ? and union_id is not distinct from ?",
                appId, openId, unionId);
    }

    private static long conflictsOf(String account) {
        return count("select count(*) from wxbind_audit_log where kind = 'CONFLICT' and reason = 'unionid_on_other_account' and account = ?",
                account);
    }

    @Test
    void miniProgramLoginWhenOldBindingGainsUnionIdThenAttachedAndLoggedIn() {
        String account = accounts.get(0);
        SimControl.SimPersonInfo person = sim.newPerson("Later Union");
        bindWithoutUnionId(MINI, person.openIdFor(MINI), account);
        HttpResponse<String> login = MiniProgramLoginIT.session(MINI, MiniProgramLoginIT.wxLogin(person.id()));
        assertEquals(200, login.statusCode(), login.body());
        assertEquals(account, JsonApi.json(login).getString("caller"));
        assertEquals(1, unionIdOf(MINI, person.openIdFor(MINI), unionId(person)), "the unionid is attached to the old binding");
        assertUnionIdOn(person, account, "and recorded for its account");
        assertEquals(0, conflictsOf(account));
    }

    @Test
    void miniProgramLoginWhenUnionIdAlreadyOnAnotherAccountThen409AuditedForBothAndNothingChanged() {
        String first = accounts.get(1);
        String second = accounts.get(2);
        SimControl.SimPersonInfo person = sim.newPerson("Two Accounts");
        // The official account was bound to `first` by unionid before (a QR bind, say); the old mini-program binding is `second`'s.
        ItSupport.update("insert into wxbind_wechat_unionid (union_id, account_name, bound_at) values (?, ?, now())", unionId(person), first);
        bindWithoutUnionId(MINI, person.openIdFor(MINI), second);

        HttpResponse<String> login = MiniProgramLoginIT.session(MINI, MiniProgramLoginIT.wxLogin(person.id()));
        assertEquals(409, login.statusCode(), login.body());
        JsonObject error = JsonApi.json(login);
        assertEquals("unionid_conflict", error.getString("error"), login.body());
        assertTrue(error.getString("message").contains("two different accounts") || error.getString("message").contains("different account"),
                error.toString());
        assertFalse(login.body().contains("access_token") || login.body().contains("bindTicket"), login.body());
        ItSupport.assertNoStackTrace(login.body());

        assertEquals(second, boundAccount(MINI, person.openIdFor(MINI)), "the binding stays");
        assertEquals(1, unionIdOf(MINI, person.openIdFor(MINI), null), "without the unionid");
        assertUnionIdOn(person, first, "the unionid stays with its first account");
        assertEquals(1, conflictsOf(first));
        assertEquals(1, conflictsOf(second));

        HttpResponse<String> again = MiniProgramLoginIT.session(MINI, MiniProgramLoginIT.wxLogin(person.id()));
        assertEquals(409, again.statusCode(), "refused on every login until one binding goes: " + again.body());
    }

    @Test
    void webLoginWithUserInfoScopeWhenUnionIdOnAnotherAccountThenProblemPageAuditedAndNothingChanged() {
        // snsapi_base gives no unionid (protocol §9): a node asking for snsapi_userinfo, the stack's database and simulator.
        String userinfoApp = stack().startExtraAppNode("userinfo-scope", Map.of("wechat.scope", "snsapi_userinfo")).url("/wxbind/");
        String first = accounts.get(5);
        String second = accounts.get(6);
        SimControl.SimPersonInfo person = sim.newPerson("Web Two Accounts");
        bindThroughMiniProgram(person, first);
        bindWithoutUnionId(OFFICIAL, person.openIdFor(OFFICIAL), second);

        WeChatBrowser browser = new WeChatBrowser(person.id());
        WeChatBrowser.Chain chain = RegisterPolicyIT.answer(browser, browser.open(userinfoApp + "app/").last(), "allow");
        WeChatBrowser.Page refused = chain.last();
        assertProblemPage(refused, 409, "unionid_conflict");
        assertTrue(refused.body().contains("two different accounts") && refused.body().contains("contact support"), refused.body());
        assertEquals(401, browser.get(userinfoApp + "api/me").status(), "nobody logged in");

        assertEquals(second, boundAccount(OFFICIAL, person.openIdFor(OFFICIAL)));
        assertEquals(1, unionIdOf(OFFICIAL, person.openIdFor(OFFICIAL), null));
        assertUnionIdOn(person, first, "never merged");
        assertEquals(1, conflictsOf(first));
        assertEquals(1, conflictsOf(second));
    }

    @Test
    void qrLoginWhenUnionIdOnAnotherAccountThenRefusedOnPhoneAndDesktopAndNothingChanged() {
        String first = accounts.get(3);
        String second = accounts.get(4);
        SimControl.SimPersonInfo person = sim.newPerson("QR Two Accounts");
        bindThroughMiniProgram(person, first);
        bindWithoutUnionId(OFFICIAL, person.openIdFor(OFFICIAL), second);
        sim.follow(person.id(), OFFICIAL); // cgi-bin/user/info tells a follower's unionid

        QrLoginIT.LoginPage login = QrLoginIT.open();
        JsonObject scan = control("POST", "/scan", Json.createObjectBuilder().add("ticket", login.ticket()).add("person", person.id()).build());
        WeChatBrowser phone = new WeChatBrowser(person.id());
        WeChatBrowser.Page question = QrPhone.question(phone, QrPhone.confirmLink(scan));
        WeChatBrowser.Page refused = QrPhone.answer(phone, question, "confirm");
        assertProblemPage(refused, 409, "unionid_conflict");
        assertTrue(refused.body().contains("contact support"), refused.body());

        String status = login.desktop().get(login.statusUrl()).body();
        assertTrue(status.contains("\"status\":\"refused\"") && status.contains("two different accounts"), status);
        assertProblemPage(login.desktop().get(login.completeUrl()), 400, "qr_login_invalid");
        assertEquals(401, login.desktop().get(stack().appUrl() + "api/me").status(), "nobody logged in");

        assertEquals(second, boundAccount(OFFICIAL, person.openIdFor(OFFICIAL)));
        assertEquals(1, unionIdOf(OFFICIAL, person.openIdFor(OFFICIAL), null));
        assertEquals(first, boundAccount(MINI, person.openIdFor(MINI)));
        assertUnionIdOn(person, first, "never merged");
        assertEquals(1, conflictsOf(first));
        assertEquals(1, conflictsOf(second));
    }
}
