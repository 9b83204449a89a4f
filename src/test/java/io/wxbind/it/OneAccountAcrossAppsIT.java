package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.assertProblemPage;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.count;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static io.wxbind.it.support.ItSupport.submitBind;
import static io.wxbind.it.support.ItSupport.ticketFromBindPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.Capture;
import io.wxbind.it.support.ItSupport;
import io.wxbind.it.support.JsonApi;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.TestAccounts;
import io.wxbind.it.support.WeChatBrowser;
import io.wxbind.it.support.WebsiteQr;
import io.wxbind.launch.WxBindStack;
import io.wxbind.util.SecureTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 points 5, 6 and 10: one person, one account, whichever app of the open platform they
 * open first. The official account's web login uses {@code snsapi_base}, which never returns a
 * unionid (protocol §1.3, §9); with {@code wechat.unionid-lookup=consent} (the default, on a node
 * of its own: the ITs' stack keeps it off) the callback asks {@code cgi-bin/user/info} for a
 * follower's unionid, else once for {@code snsapi_userinfo}. Then the mini program and the mobile
 * app (and the other way round, the official account after the mini program) log in as the same
 * account with no binding step: N openids, one unionid, checked in PostgreSQL. An official account
 * without an open-platform account never asks. WeChat calls are counted at the simulator.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class OneAccountAcrossAppsIT {

    private static final String OFFICIAL = WxBindStack.APP_ID;
    private static final String MINI = WxBindStack.MINIPROGRAM_APP_ID;
    private static final String MOBILE = WxBindStack.MOBILE_APP_ID;
    private static final String PASSWORD = "one-account-pw";
    private static final String AUTHORIZE = "/open/connect/oauth2/authorize";
    private static final String EXCHANGE = "/api/sns/oauth2/access_token";
    private static final String USER_INFO = "/api/cgi-bin/user/info";

    /** The node with the lookup on (the default, consent). */
    private static String oa;
    private static List<String> accounts;

    @BeforeAll
    static void stackUp() {
        oa = stack().startExtraAppNode("oa-unionid", Map.of("wechat.unionid-lookup", "consent")).url("/wxbind/");
        accounts = TestAccounts.create(stack().database(), "oa" + SecureTokens.alphanumeric(6).toLowerCase(Locale.ROOT), 6, PASSWORD);
    }

    /** The simulator's calls so far: authorize pages, code exchanges, user/info, all for the official account. */
    private record Calls(long authorize, long exchange, long userInfo) {
        static Calls now() {
            return new Calls(sim().calls(AUTHORIZE, OFFICIAL), sim().calls(EXCHANGE, OFFICIAL), sim().calls(USER_INFO, OFFICIAL));
        }

        Calls since(Calls before) {
            return new Calls(authorize - before.authorize, exchange - before.exchange, userInfo - before.userInfo);
        }
    }

    private static String unionId(SimControl.SimPersonInfo person) {
        return person.unionIdFor(WxBindStack.OPEN_PLATFORM);
    }

    @Test
    void followerBindsOnOfficialAccountThenMiniProgramAndAppLogInAsTheSameAccountWithoutBinding() {
        String account = accounts.get(0);
        SimControl.SimPersonInfo person = sim().newPerson("Follower 一号");
        sim().follow(person.id(), OFFICIAL);
        WeChatBrowser browser = new WeChatBrowser(person.id());

        Calls before = Calls.now();
        WeChatBrowser.Chain toBind = browser.open(oa + "app/");
        assertFalse(toBind.toString().contains("snsapi_userinfo"), "a follower is never asked to consent: " + toBind);
        bindWithPassword(browser, ticketFromBindPage(toBind), account);
        assertEquals(new Calls(1, 1, 1), Calls.now().since(before), "one silent authorization, one exchange, one user/info");
        assertOpenIdBound(OFFICIAL, person, account);
        sameAccountInEveryAppThenSilentOnTheOfficialAccount(person, account);
    }

    @Test
    void nonFollowerConsentsOnceThenBindsThenAppAndMiniProgramLogInAsTheSameAccount() {
        String account = accounts.get(1);
        SimControl.SimPersonInfo person = sim().newPerson("Not Following");
        WeChatBrowser browser = new WeChatBrowser(person.id());

        Calls before = Calls.now();
        WeChatBrowser.Page consent = consentPage(browser);
        WeChatBrowser.Chain toBind = RegisterPolicyIT.answer(browser, consent, "allow");
        bindWithPassword(browser, ticketFromBindPage(toBind), account);
        assertEquals(new Calls(2, 2, 1), Calls.now().since(before),
                "snsapi_base, user/info (not a follower), then one snsapi_userinfo authorization");
        assertOpenIdBound(OFFICIAL, person, account);
        sameAccountInEveryAppThenSilentOnTheOfficialAccount(person, account);
    }

    @Test
    void nonFollowerDeniesTheConsentThenAClearPageNoLoopNobodyLoggedInNothingStored() {
        SimControl.SimPersonInfo person = sim().newPerson("Says No");
        WeChatBrowser browser = new WeChatBrowser(person.id());
        Calls before = Calls.now();
        WeChatBrowser.Chain denied = RegisterPolicyIT.answer(browser, consentPage(browser), "deny");
        assertProblemPage(denied.last(), 403, "access_denied");
        assertTrue(denied.hops().stream().noneMatch(p -> p.path().endsWith(AUTHORIZE)), "no new authorization after a refusal: " + denied);
        assertEquals(new Calls(2, 1, 1), Calls.now().since(before), "the refusal brings no code: nothing exchanged");
        assertEquals(401, browser.get(oa + "api/me").status(), "nobody logged in");
        assertNull(boundAccount(OFFICIAL, person.openIdFor(OFFICIAL)));
    }

    @Test
    void consentCallbackWhenInAnotherBrowserOrReplayedThenRefusedLikeTheFirstAuthorization() {
        SimControl.SimPersonInfo person = sim().newPerson("Hostile Copy");
        WeChatBrowser browser = new WeChatBrowser(person.id());
        WeChatBrowser.Page consent = consentPage(browser);
        Matcher pending = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"").matcher(consent.body());
        assertTrue(pending.find(), consent.body());
        WeChatBrowser.Page allowed = browser.post(consent.uri().resolve("authorize/reply").toString(),
                Map.of("pending", pending.group(1), "decision", "allow"));
        String callback = allowed.location();
        assertTrue(allowed.isRedirect() && callback.contains("/wechat/callback?code="), allowed.toString());

        long exchanges = sim().calls(EXCHANGE, OFFICIAL);
        assertProblemPage(new WeChatBrowser(person.id()).get(callback), 403, "state_mismatch");
        assertEquals(exchanges, sim().calls(EXCHANGE, OFFICIAL), "another browser's copy is refused before any exchange");

        ticketFromBindPage(browser.follow(browser.get(callback)));
        assertProblemPage(browser.get(callback), 400, "authorization_request_not_found");
        assertEquals(exchanges + 1, sim().calls(EXCHANGE, OFFICIAL), "the consent's state completes once");
        assertNull(boundAccount(OFFICIAL, person.openIdFor(OFFICIAL)), "nothing bound without the bind form");
    }

    @Test
    void miniProgramFirstThenOfficialAccountLogsInWithoutBindingFollowerSilentlyOthersByConsent() {
        String account = accounts.get(2);
        SimControl.SimPersonInfo follower = sim().newPerson("Mini First Follower");
        bindThroughMiniProgram(follower, account);
        sim().follow(follower.id(), OFFICIAL);
        Calls before = Calls.now();
        WeChatBrowser.Chain in = new WeChatBrowser(follower.id()).open(oa + "app/");
        assertTrue(in.onlyRedirectsBeforeLast(), "no bind form, no consent: " + in);
        assertCaller(in.last(), account);
        assertEquals(new Calls(1, 1, 1), Calls.now().since(before));
        assertOneAccountOneUnionId(follower, account, MINI, OFFICIAL);

        String other = accounts.get(3);
        SimControl.SimPersonInfo stranger = sim().newPerson("Mini First Stranger");
        bindThroughMiniProgram(stranger, other);
        WeChatBrowser browser = new WeChatBrowser(stranger.id());
        WeChatBrowser.Chain consented = RegisterPolicyIT.answer(browser, consentPage(browser), "allow");
        assertTrue(consented.onlyRedirectsBeforeLast(), "no bind form after the consent: " + consented);
        assertCaller(consented.last(), other);
        assertOneAccountOneUnionId(stranger, other, MINI, OFFICIAL);
    }

    @Test
    void officialAccountBindingWithoutUnionIdWhenFollowerLogsInThenUnionIdAttachedAndAppFindsIt() {
        String account = accounts.get(4);
        SimControl.SimPersonInfo person = sim().newPerson("Bound Before");
        // What a binding made with snsapi_base alone left: no unionid.
        assertEquals(1, ItSupport.update("insert into wxbind_wechat_openid (app_id, open_id, account_name, bound_at, last_login_at)"
                + " values (?, ?, ?, now() - interval '40 days', now() - interval '3 days')", OFFICIAL, person.openIdFor(OFFICIAL), account));
        sim().follow(person.id(), OFFICIAL);
        assertCaller(new WeChatBrowser(person.id()).open(oa + "app/").last(), account);
        assertOpenIdBound(OFFICIAL, person, account);
        assertEquals(account, appLogin(person));
        assertOneAccountOneUnionId(person, account, OFFICIAL, MOBILE);
    }

    @Test
    void officialAccountWithoutOpenPlatformWhenUnboundThenBindFormAtOnceNoUserInfoNoConsent() {
        String plain = stack().startExtraAppNode("oa-no-platform", Map.of("wechat.open-platform", "", "wechat.unionid-lookup", "consent"))
                .url("/wxbind/");
        SimControl.SimPersonInfo person = sim().newPerson("No Platform");
        sim().follow(person.id(), OFFICIAL);
        WeChatBrowser browser = new WeChatBrowser(person.id());
        Calls before = Calls.now();
        WeChatBrowser.Chain toBind = browser.open(plain + "app/");
        String ticket = ticketFromBindPage(toBind);
        assertEquals(new Calls(1, 1, 0), Calls.now().since(before), "an official account outside an open platform has no unionid to ask");
        assertFalse(toBind.toString().contains("snsapi_userinfo"), toBind.toString());
        WeChatBrowser.Chain bound = submitBind(browser, plain, ticket, accounts.get(5), PASSWORD);
        assertCaller(bound.last(), accounts.get(5));
        assertEquals(1, count("select count(*) from wxbind_wechat_openid where app_id = ? and open_id = ? and union_id is null",
                OFFICIAL, person.openIdFor(OFFICIAL)), "bound by openid alone");
    }

    /**
     * The person, bound on the official account, opens the website, the mini program and the app
     * for the first time: the same account each time, no binding step; then the official account
     * again in a new browser: silent, one code exchange, no user/info, no second consent.
     */
    private static void sameAccountInEveryAppThenSilentOnTheOfficialAccount(SimControl.SimPersonInfo person, String account) {
        websiteStep(person, account);
        assertEquals(account, miniProgramLogin(person));
        assertEquals(account, appLogin(person));
        assertOneAccountOneUnionId(person, account, OFFICIAL, WxBindStack.WEBSITE_APP_ID, MINI, MOBILE);

        Calls again = Calls.now();
        WeChatBrowser.Chain silent = new WeChatBrowser(person.id()).open(oa + "app/");
        assertTrue(silent.onlyRedirectsBeforeLast(), silent.toString());
        assertCaller(silent.last(), account);
        assertEquals(new Calls(1, 1, 0), Calls.now().since(again), "bound with its unionid: one code exchange, no user/info");
    }

    /** The website's QR login (connect/qrconnect, scanned and allowed on the phone) as the same person: no binding step. */
    private static void websiteStep(SimControl.SimPersonInfo person, String account) {
        WeChatBrowser desktop = new WeChatBrowser(person.id());
        String callback = WebsiteQr.scanAndAnswer(desktop, WebsiteQr.qrConnectUrl(desktop, oa, "/wxbind/app/"), person.id(), "allow");
        WeChatBrowser.Chain in = desktop.open(callback);
        assertTrue(in.onlyRedirectsBeforeLast(), "no binding step on the website: " + in);
        assertCaller(in.last(), account);
    }

    /** The simulator's snsapi_userinfo consent page, reached from a plain visit after snsapi_base and user/info. */
    private static WeChatBrowser.Page consentPage(WeChatBrowser browser) {
        WeChatBrowser.Chain chain = browser.open(oa + "app/");
        WeChatBrowser.Page consent = chain.last();
        assertEquals(200, consent.status(), chain.toString());
        assertTrue(consent.uri().getPath().endsWith(AUTHORIZE), chain.toString());
        assertTrue(chain.toString().contains("scope=snsapi_base") && chain.toString().contains("scope=snsapi_userinfo"), chain.toString());
        return consent;
    }

    private static void bindWithPassword(WeChatBrowser browser, String ticket, String account) {
        WeChatBrowser.Chain bound = submitBind(browser, oa, ticket, account, PASSWORD);
        assertEquals(200, bound.last().status(), bound.toString());
        assertCaller(bound.last(), account);
    }

    /** Bound the real way in the mini program: wx.login code, bind ticket, password. */
    private static void bindThroughMiniProgram(SimControl.SimPersonInfo person, String account) {
        HttpResponse<String> first = MiniProgramLoginIT.session(MINI, MiniProgramLoginIT.wxLogin(person.id()));
        assertEquals(200, first.statusCode(), first.body());
        assertFalse(JsonApi.json(first).getBoolean("bound"), first.body());
        HttpResponse<String> bound = MiniProgramLoginIT.post("api/wechat/miniprogram/bind", Json.createObjectBuilder()
                .add("bindTicket", JsonApi.json(first).getString("bindTicket")).add("username", account).add("password", PASSWORD).build());
        assertEquals(200, bound.statusCode(), bound.body());
    }

    /** The mini program's first login: bound at once (no bind ticket); the caller. */
    private static String miniProgramLogin(SimControl.SimPersonInfo person) {
        HttpResponse<String> r = MiniProgramLoginIT.session(MINI, MiniProgramLoginIT.wxLogin(person.id()));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject in = JsonApi.json(r);
        assertTrue(in.getBoolean("bound"), "no binding step in the mini program: " + in);
        return in.getString("caller");
    }

    /** The mobile app's first login (code from the app's SDK, as the simulator's client control gives it): bound at once. */
    private static String appLogin(SimControl.SimPersonInfo person) {
        SimControl.Answer code = sim().send("POST", "/client/login",
                Json.createObjectBuilder().add("appid", MOBILE).add("person", person.id()).build().toString());
        assertEquals(201, code.status(), code.body());
        HttpResponse<String> r = JsonApi.send(HttpRequest.newBuilder(URI.create(stack().appUrl() + "api/wechat/app/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder().add("appId", MOBILE).add("code", code.json().getString("code")).build().toString())));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject in = JsonApi.json(r);
        Capture.rememberSecret("API token", in.getString("access_token", ""));
        assertTrue(in.getBoolean("bound"), "no binding step in the app: " + in);
        return in.getString("caller");
    }

    private static void assertOpenIdBound(String appId, SimControl.SimPersonInfo person, String account) {
        assertEquals(1, count("select count(*) from wxbind_wechat_openid where app_id = ? and open_id = ? and account_name = ? and union_id = ?",
                appId, person.openIdFor(appId), account, unionId(person)), appId + "'s openid bound to " + account + " with the unionid");
    }

    /** In PostgreSQL: one openid per app, all on {@code account} with the one unionid, and that unionid stands for {@code account}. */
    private static void assertOneAccountOneUnionId(SimControl.SimPersonInfo person, String account, String... appIds) {
        for (String appId : appIds) {
            assertOpenIdBound(appId, person, account);
        }
        assertEquals(appIds.length, count("select count(distinct open_id) from wxbind_wechat_openid where account_name = ? and union_id = ?",
                account, unionId(person)), "one openid per app");
        assertEquals(appIds.length, count("select count(*) from wxbind_wechat_openid where account_name = ?", account),
                "no other binding on the account");
        assertEquals(1, count("select count(distinct union_id) from wxbind_wechat_openid where account_name = ?", account), "one unionid");
        assertEquals(1, count("select count(*) from wxbind_wechat_unionid where union_id = ? and account_name = ?", unionId(person), account));
    }
}
