package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.assertProblemPage;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.loginMethod;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static io.wxbind.it.support.ItSupport.submitBind;
import static io.wxbind.it.support.ItSupport.ticketFromBindPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The web flow end to end over real HTTP: Payara Micro, the simulator WAR, PostgreSQL. Each
 * test uses its own simulated person, so tests are independent.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class WebLoginIT {

    private static String app;

    @BeforeAll
    static void stackUp() {
        app = stack().appUrl();
    }

    @Test
    void firstVisitWhenUnboundThenBindWithPasswordThenSecondBrowserLogsInSilently() {
        SimControl.SimPersonInfo p = sim().newPerson("Zhang Silent");
        WeChatBrowser first = new WeChatBrowser(p.id());
        WeChatBrowser.Chain toBind = first.open(app + "app/orders?id=7");
        assertTrue(toBind.onlyRedirectsBeforeLast(), toBind.toString());
        assertTrue(toBind.hops().get(1).uri().toString().contains("/wechat-sim/open/connect/oauth2/authorize"), toBind.toString());
        String ticket = ticketFromBindPage(toBind);
        assertTrue(!toBind.last().body().contains(p.openIdFor(APP_ID)), "openid must not reach the page");

        WeChatBrowser.Chain bound = submitBind(first, app, ticket, "alice", "alice-password");
        assertEquals(303, bound.hops().get(0).status());
        assertTrue(bound.last().uri().toString().endsWith("/wxbind/app/orders?id=7"), bound.toString());
        assertCaller(bound.last(), "alice");
        assertEquals("WECHAT_BIND_PASSWORD", loginMethod(bound.last()));
        assertEquals("alice", boundAccount(APP_ID, p.openIdFor(APP_ID)));

        long exchangesBefore = sim().calls("/api/sns/oauth2/access_token");
        WeChatBrowser second = new WeChatBrowser(p.id());
        WeChatBrowser.Chain silent = second.open(app + "app/");
        assertTrue(silent.onlyRedirectsBeforeLast(), "a page was shown: " + silent);
        assertEquals(200, silent.last().status());
        assertCaller(silent.last(), "alice");
        assertEquals("WECHAT", loginMethod(silent.last()));
        assertEquals(exchangesBefore + 1, sim().calls("/api/sns/oauth2/access_token"), "exactly one code exchange");
        assertTrue(second.get(app + "api/me").body().contains("\"user\":\"alice\""));
    }

    @Test
    void bindWhenWrongPasswordThenClearErrorNothingBoundAndTicketStillUsable() {
        SimControl.SimPersonInfo p = sim().newPerson("Li Typo");
        WeChatBrowser b = new WeChatBrowser(p.id());
        String ticket = ticketFromBindPage(b.open(app + "app/"));
        WeChatBrowser.Page wrong = b.post(app + "wechat/bind", Map.of("ticket", ticket, "username", "bob", "password", "nope"));
        assertEquals(401, wrong.status());
        assertTrue(wrong.body().contains("Wrong username or password. 4 attempts left."), wrong.body());
        assertNull(boundAccount(APP_ID, p.openIdFor(APP_ID)));
        WeChatBrowser.Page missing = b.post(app + "wechat/bind", Map.of("ticket", ticket, "username", "", "password", ""));
        assertEquals(400, missing.status());
        assertCaller(submitBind(b, app, ticket, "bob", "bob-password").last(), "bob");
        assertEquals("bob", boundAccount(APP_ID, p.openIdFor(APP_ID)));
    }

    @Test
    void bindWhenTicketReusedExpiredOrFromAnotherBrowserThenRefused() {
        SimControl.SimPersonInfo p = sim().newPerson("Wang Ticket");
        WeChatBrowser b = new WeChatBrowser(p.id());
        String ticket = ticketFromBindPage(b.open(app + "app/"));

        WeChatBrowser thief = new WeChatBrowser("nobody");
        assertProblemPage(thief.get(app + "wechat/bind?ticket=" + ticket), 400, "ticket_invalid");
        assertProblemPage(thief.post(app + "wechat/bind", Map.of("ticket", ticket, "username", "bob", "password", "bob-password")),
                400, "ticket_invalid");
        assertNull(boundAccount(APP_ID, p.openIdFor(APP_ID)), "another browser cannot use the ticket");

        submitBind(b, app, ticket, "bob", "bob-password");
        WeChatBrowser.Page reused = b.post(app + "wechat/bind", Map.of("ticket", ticket, "username", "alice", "password", "alice-password"));
        assertTrue(reused.status() == 400 || reused.isRedirect(), "reused ticket: " + reused.status());
        assertEquals("bob", boundAccount(APP_ID, p.openIdFor(APP_ID)), "reuse changed nothing");

        SimControl.SimPersonInfo late = sim().newPerson("Zhao Late");
        WeChatBrowser slow = new WeChatBrowser(late.id());
        String expiring = ticketFromBindPage(slow.open(app + "app/"));
        io.wxbind.it.support.ItSupport.update("update wxbind_bind_ticket set expires_at = now() - interval '1 second'");
        assertProblemPage(slow.post(app + "wechat/bind", Map.of("ticket", expiring, "username", "bob", "password", "bob-password")),
                400, "ticket_invalid");
        assertNull(boundAccount(APP_ID, late.openIdFor(APP_ID)));
    }

    @Test
    void callbackWhenStateMissingForgedOrReplayedThenRefused() {
        SimControl.SimPersonInfo p = bindNewPerson("alice", "alice-password");
        WeChatBrowser b = new WeChatBrowser(p.id());
        assertProblemPage(b.get(app + "wechat/callback?code=abc"), 400, "state_missing");
        assertProblemPage(b.get(app + "wechat/callback?code=abc&state=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), 400,
                "authorization_request_not_found");
        assertProblemPage(b.get(app + "wechat/callback?code=abc&state=%3Cscript%3E"), 400, "authorization_request_not_found");

        WeChatBrowser.Page toWeChat = b.get(app + "app/");
        WeChatBrowser.Page callback = b.get(toWeChat.location());
        String callbackUrl = callback.location();
        assertTrue(callbackUrl.contains("/wechat/callback?code="), callbackUrl);
        assertEquals(302, b.get(callbackUrl).status(), "first use logs in");
        assertProblemPage(new WeChatBrowser(p.id()).get(callbackUrl), 400, "authorization_request_not_found");
        assertTrue(b.get(callbackUrl).isRedirect(), "a logged-in browser revisiting the callback is just sent home");
    }

    @Test
    void callbackWhenStateStartedInAnotherBrowserThenMismatch() {
        SimControl.SimPersonInfo p = sim().newPerson("Sun Csrf");
        WeChatBrowser attacker = new WeChatBrowser(p.id());
        String authorizeUrl = attacker.get(app + "app/").location();
        WeChatBrowser victim = new WeChatBrowser(p.id());
        WeChatBrowser.Chain chain = victim.open(authorizeUrl);
        assertProblemPage(chain.last(), 403, "state_mismatch");
        assertNull(boundAccount(APP_ID, p.openIdFor(APP_ID)));
    }

    @Test
    void callbackWhenCodeReplayedWithNewStateThenWeChatRefusesAndPageExplains() {
        SimControl.SimPersonInfo p = sim().newPerson("Zhou Replay");
        WeChatBrowser b = new WeChatBrowser(p.id());
        String callbackUrl = b.get(b.get(app + "app/").location()).location();
        String code = callbackUrl.replaceAll(".*[?&]code=([^&]+).*", "$1");
        b.follow(b.get(callbackUrl));
        String newState = b.get(app + "app/").location().replaceAll(".*[?&]state=([A-Za-z0-9]+).*", "$1");
        WeChatBrowser.Page replay = b.get(app + "wechat/callback?code=" + code + "&state=" + newState);
        assertProblemPage(replay, 400, "code_rejected");
    }

    @Test
    void loginWhenReturnUrlForeignThenRefusedWithPage() {
        WeChatBrowser b = new WeChatBrowser("nobody");
        for (String evil : new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "https://localhost.evil.example/"}) {
            WeChatBrowser.Page page = b.get(app + "wechat/login?returnTo=" + java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8));
            assertProblemPage(page, 400, "bad_return_url");
        }
        WeChatBrowser.Page ok = b.get(app + "wechat/login?returnTo=%2Fwxbind%2Fapp%2F");
        assertEquals(302, ok.status());
        assertTrue(ok.location().contains("/connect/oauth2/authorize?appid=" + APP_ID + "&redirect_uri="), ok.location());
    }

    @Test
    void callbackWhenWeChatBusyThenClearPageNothingBoundAndRetryWorks() {
        SimControl.SimPersonInfo p = sim().newPerson("Qian Busy");
        WeChatBrowser b = new WeChatBrowser(p.id());
        try {
            sim().fault(jakarta.json.Json.createObjectBuilder().add("path", "/api/sns/oauth2/access_token")
                    .add("errcode", -1).add("count", 1).build());
            assertProblemPage(b.open(app + "app/").last(), 503, "wechat_unavailable");
            assertNull(boundAccount(APP_ID, p.openIdFor(APP_ID)));
        } finally {
            sim().clearFaults();
        }
        ticketFromBindPage(b.open(app + "app/"));
    }

    @Test
    void callbackWhenWeChatHangsThenTimeoutPageAndRetryWorks() {
        SimControl.SimPersonInfo p = sim().newPerson("Feng Hang");
        WeChatBrowser b = new WeChatBrowser(p.id());
        try {
            sim().fault(jakarta.json.Json.createObjectBuilder().add("path", "/api/sns/oauth2/access_token")
                    .add("hang", true).add("count", 1).build());
            long t0 = System.nanoTime();
            assertProblemPage(b.open(app + "app/").last(), 503, "wechat_unavailable");
            assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "the app gave up on its own timeout");
        } finally {
            sim().clearFaults();
        }
        assertNull(boundAccount(APP_ID, p.openIdFor(APP_ID)));
        ticketFromBindPage(b.open(app + "app/"));
    }

    @Test
    void meWhenAnonymousThen401JsonAndAfterLogoutAnonymousAgain() {
        WeChatBrowser anonymous = new WeChatBrowser("nobody");
        WeChatBrowser.Page me = anonymous.get(app + "api/me");
        assertEquals(401, me.status());
        assertTrue(me.contentType().startsWith("application/json"), me.contentType());
        assertTrue(me.body().contains("\"error\":\"not_authenticated\""), me.body());

        SimControl.SimPersonInfo p = bindNewPerson("bob", "bob-password");
        WeChatBrowser b = new WeChatBrowser(p.id());
        b.open(app + "app/");
        WeChatBrowser.Page json = b.get(app + "api/me");
        assertEquals(200, json.status());
        assertTrue(json.body().contains("\"user\":\"bob\"") && json.body().contains("\"loginMethod\":\"WECHAT\""), json.body());
        assertTrue(!json.body().contains(p.openIdFor(APP_ID)), "full openid not exposed");
        assertEquals(303, b.post(app + "logout", Map.of()).status());
        assertEquals(401, b.get(app + "api/me").status());
    }
}
