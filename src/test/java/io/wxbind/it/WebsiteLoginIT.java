package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.assertProblemPage;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.loginMethod;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static io.wxbind.it.support.ItSupport.submitBind;
import static io.wxbind.it.support.ItSupport.ticketFromBindPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.JsonApi;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import io.wxbind.it.support.WebsiteQr;
import io.wxbind.launch.WxBindStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Website QR login (protocol §2) on a desktop browser: WeChat's QR page, the phone's scan and
 * confirmation, the code exchanged with the website app's own credentials; one account per person
 * through the unionid. The hostile cases (replayed state or code, another app's code, forged
 * state, foreign return URL) are in {@link HostileSuiteIT}.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class WebsiteLoginIT {

    private static final String WEBSITE = WxBindStack.WEBSITE_APP_ID;
    private static final String MINI = WxBindStack.MINIPROGRAM_APP_ID;
    private static final String EXCHANGE = "/api/sns/oauth2/access_token";

    private static String app;

    @BeforeAll
    static void stackUp() {
        app = stack().appUrl();
    }

    @Test
    void websiteWhenBoundInMiniProgramThenScanConfirmAndSameAccountWithoutBinding() {
        SimControl.SimPersonInfo person = sim().newPerson("Website 用户");
        bindInMiniProgram(person, "alice", "alice-password");

        long exchanges = sim().calls(EXCHANGE, WEBSITE);
        WeChatBrowser desktop = new WeChatBrowser(person.id());
        String qr = WebsiteQr.qrConnectUrl(desktop, app, "/wxbind/app/orders?id=9");
        String callback = WebsiteQr.scanAndAnswer(desktop, qr, person.id(), "allow");
        WeChatBrowser.Chain in = desktop.open(callback);
        assertTrue(in.onlyRedirectsBeforeLast(), "no binding step: " + in);
        assertTrue(in.last().uri().toString().endsWith("/wxbind/app/orders?id=9"), in.toString());
        assertCaller(in.last(), "alice");
        assertEquals("WECHAT_WEBSITE", loginMethod(in.last()));
        assertEquals(exchanges + 1, sim().calls(EXCHANGE, WEBSITE), "one exchange, with the website app's appid");
        assertNotEquals(person.openIdFor(MINI), person.openIdFor(WEBSITE), "two apps, two openids");
        assertEquals("alice", boundAccount(WEBSITE, person.openIdFor(WEBSITE)), "the website openid is now bound too");
        assertFalse(in.last().body().contains(person.openIdFor(WEBSITE)), "the openid never reaches the page");
    }

    @Test
    void websiteWhenUnboundThenBindFormThenBoundAndNextLoginHasNoStep() {
        SimControl.SimPersonInfo person = sim().newPerson("Website Newcomer");
        WeChatBrowser desktop = new WeChatBrowser(person.id());
        String callback = WebsiteQr.callbackUrl(desktop, WebsiteQr.qrConnectUrl(desktop, app, "/wxbind/app/"), "allow");
        String ticket = ticketFromBindPage(desktop.open(callback));
        WeChatBrowser.Chain bound = submitBind(desktop, app, ticket, "bob", "bob-password");
        assertCaller(bound.last(), "bob");
        assertEquals("WECHAT_BIND_PASSWORD", loginMethod(bound.last()));
        assertEquals("bob", boundAccount(WEBSITE, person.openIdFor(WEBSITE)));

        WeChatBrowser other = new WeChatBrowser(person.id());
        WeChatBrowser.Chain again = other.open(WebsiteQr.scanAndAnswer(other, WebsiteQr.qrConnectUrl(other, app, "/wxbind/app/"),
                person.id(), "allow"));
        assertCaller(again.last(), "bob");
        assertEquals("WECHAT_WEBSITE", loginMethod(again.last()));
    }

    @Test
    void websiteWhenPhoneDeniesThenClearPageAndNobodyLoggedIn() {
        SimControl.SimPersonInfo person = sim().newPerson("Website Denier");
        WeChatBrowser desktop = new WeChatBrowser(person.id());
        long exchanges = sim().calls(EXCHANGE, WEBSITE);
        String callback = WebsiteQr.scanAndAnswer(desktop, WebsiteQr.qrConnectUrl(desktop, app, "/wxbind/app/"), person.id(), "deny");
        assertFalse(callback.contains("code="), callback);
        assertProblemPage(desktop.get(callback), 403, "access_denied");
        assertEquals(exchanges, sim().calls(EXCHANGE, WEBSITE), "nothing to exchange");
        assertEquals(401, desktop.get(app + "api/me").status());
        assertNull(boundAccount(WEBSITE, person.openIdFor(WEBSITE)));
    }

    @Test
    void websiteWhenLoggedInAlreadyThenSentHome() {
        SimControl.SimPersonInfo person = sim().newPerson("Website Twice");
        bindInMiniProgram(person, "alice", "alice-password");
        WeChatBrowser desktop = new WeChatBrowser(person.id());
        desktop.open(WebsiteQr.callbackUrl(desktop, WebsiteQr.qrConnectUrl(desktop, app, "/wxbind/app/"), "allow"));
        WeChatBrowser.Page again = desktop.get(app + WebsiteQr.START + "?returnTo=%2Fwxbind%2Fapp%2F");
        assertEquals(302, again.status());
        assertFalse(again.location().contains("qrconnect"), again.location());
    }

    static void bindInMiniProgram(SimControl.SimPersonInfo person, String account, String password) {
        SimControl.Answer code = sim().send("POST", "/client/login",
                Json.createObjectBuilder().add("appid", MINI).add("person", person.id()).build().toString());
        assertEquals(201, code.status(), code.body());
        JsonObject unbound = JsonApi.json(JsonApi.send(json("api/wechat/miniprogram/session", Json.createObjectBuilder()
                .add("appId", MINI).add("code", code.json().getString("code")).build())));
        assertFalse(unbound.getBoolean("bound"), unbound.toString());
        HttpResponse<String> bound = JsonApi.send(json("api/wechat/miniprogram/bind", Json.createObjectBuilder()
                .add("bindTicket", unbound.getString("bindTicket")).add("username", account).add("password", password).build()));
        assertEquals(200, bound.statusCode(), bound.body());
        assertTrue(person.unionIdFor(io.wxbind.it.support.ItSupport.OPEN_PLATFORM) != null);
    }

    private static HttpRequest.Builder json(String path, JsonObject body) {
        return HttpRequest.newBuilder(URI.create(stack().appUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }
}
