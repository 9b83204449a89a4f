package io.wxbind.it;

import static io.wxbind.it.QrBindingIT.control;
import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.assertNoStackTrace;
import static io.wxbind.it.support.ItSupport.assertProblemPage;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.loginMethod;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.RawHttp;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import jakarta.json.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** QR login of a desktop browser by a bound WeChat user: one-time, expiring, bound to that browser. */
class QrLoginIT {

    private record LoginPage(WeChatBrowser desktop, String ticket, String statusUrl, String completeUrl) {
    }

    private static final String PAGE = "wechat/qr-login?returnTo=%2Fwxbind%2Fapp%2F";
    private static final String QR_CREATE = "/api/cgi-bin/qrcode/create";
    /** The default {@code wechat.qr.login-per-ip}, which the test stack keeps. */
    private static final int LOGIN_PER_IP = 30;

    private static LoginPage open() {
        return open(new WeChatBrowser("nobody"));
    }

    private static LoginPage open(WeChatBrowser desktop) {
        WeChatBrowser.Page page = desktop.get(stack().appUrl() + PAGE);
        assertEquals(200, page.status(), page.body());
        return new LoginPage(desktop, ticketOf(page.body()), page.uri().resolve(attr(page.body(), "data-status-url=\"([^\"]+)\"")).toString(),
                page.uri().resolve(attr(page.body(), "data-complete-url=\"([^\"]+)\"").replace("&amp;", "&")).toString());
    }

    private static String ticketOf(String html) {
        String img = attr(html, "src=\"([^\"]*showqrcode[^\"]*)\"");
        return URLDecoder.decode(img.substring(img.indexOf("ticket=") + 7).replace("&amp;", "&"), StandardCharsets.UTF_8);
    }

    private static String attr(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertTrue(m.find(), regex + " not in " + html);
        return m.group(1);
    }

    @org.junit.jupiter.api.AfterEach
    void restorePushSettings() {
        control("DELETE", "/apps/" + io.wxbind.it.support.ItSupport.APP_ID + "/push-settings", null);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"plain", "compatible", "aes"})
    void scanWhenBoundThenThatDesktopBrowserIsLoggedInOnce(String mode) {
        control("PUT", "/apps/" + io.wxbind.it.support.ItSupport.APP_ID + "/push-settings",
                Json.createObjectBuilder().add("mode", mode).build());
        SimControl.SimPersonInfo p = bindNewPerson("bob", "bob-password");
        LoginPage login = open();
        assertTrue(login.desktop().get(login.statusUrl()).body().contains("\"status\":\"pending\""));
        var scan = control("POST", "/scan", Json.createObjectBuilder().add("ticket", login.ticket()).add("person", p.id()).build());
        assertTrue(scan.getString("reply", "").contains("as bob"), scan.toString());
        assertTrue(login.desktop().get(login.statusUrl()).body().contains("\"status\":\"confirmed\""));

        WeChatBrowser thief = new WeChatBrowser("nobody");
        assertEquals(404, thief.get(login.statusUrl()).status(), "another browser learns nothing");
        assertProblemPage(thief.get(login.completeUrl()), 400, "qr_login_invalid");

        WeChatBrowser.Chain done = login.desktop().open(login.completeUrl());
        assertEquals(200, done.last().status(), done.toString());
        assertCaller(done.last(), "bob");
        assertEquals("WECHAT_QR", loginMethod(done.last()));

        assertProblemPage(new WeChatBrowser("nobody").get(login.completeUrl()), 400, "qr_login_invalid");
    }

    @Test
    void scanWhenUnboundThenToldHowToBindAndNoLogin() {
        SimControl.SimPersonInfo stranger = sim().newPerson("QR Stranger");
        LoginPage login = open();
        var scan = control("POST", "/scan", Json.createObjectBuilder().add("ticket", login.ticket()).add("person", stranger.id()).build());
        assertTrue(scan.getString("reply", "").contains("not bound"), scan.toString());
        assertTrue(login.desktop().get(login.statusUrl()).body().contains("\"status\":\"unbound\""));
        assertProblemPage(login.desktop().get(login.completeUrl()), 400, "qr_login_invalid");
    }

    @Test
    void reloadWhenCodePendingThenSameCodeAndNoNewWeChatCall() {
        LoginPage first = open();
        long creates = sim().calls(QR_CREATE);
        LoginPage again = open(first.desktop());
        assertEquals(first.ticket(), again.ticket(), "the same browser sees its pending code again");
        assertEquals(first.statusUrl(), again.statusUrl());
        assertEquals(creates, sim().calls(QR_CREATE), "a reload costs no qrcode/create call");

        LoginPage other = open();
        assertNotEquals(first.ticket(), other.ticket(), "another browser gets its own code");
        assertEquals(creates + 1, sim().calls(QR_CREATE));
    }

    @Test
    void newCodesWhenOneAddressHadItsShareThen429WithRetryAfterAndOtherAddressesServed() {
        URI page = URI.create(stack().appUrl() + PAGE);
        String from = "127.0.0.2"; // every other test comes from 127.0.0.1: its share stays untouched
        for (int i = 0; i < LOGIN_PER_IP; i++) {
            RawHttp.Response r = RawHttp.get(page, from); // no cookie: a new browser, so a new code each time
            assertEquals(200, r.status(), r.body());
        }
        long creates = sim().calls(QR_CREATE);
        RawHttp.Response refused = RawHttp.get(page, from);
        assertEquals(429, refused.status(), refused.body());
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 600, "Retry-After " + retryAfter);
        assertTrue(refused.header("Content-Type").orElse("").startsWith("text/html"), refused.headers());
        assertTrue(refused.body().contains("id=\"error-code\">qr_login_throttled<"), refused.body());
        assertNoStackTrace(refused.body());
        assertEquals(creates, sim().calls(QR_CREATE), "a refused page asks WeChat for nothing");

        assertEquals(200, RawHttp.get(page, "127.0.0.3").status(), "another address is still served");
    }
}
