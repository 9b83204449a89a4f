package io.wxbind.it;

import static io.wxbind.it.QrBindingIT.control;
import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.assertProblemPage;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.loginMethod;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import jakarta.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** QR login of a desktop browser by a bound WeChat user: one-time, expiring, bound to that browser. */
class QrLoginIT {

    private record LoginPage(WeChatBrowser desktop, String ticket, String statusUrl, String completeUrl) {
    }

    private static LoginPage open() {
        WeChatBrowser desktop = new WeChatBrowser("nobody");
        WeChatBrowser.Page page = desktop.get(stack().appUrl() + "wechat/qr-login?returnTo=%2Fwxbind%2Fapp%2F");
        assertEquals(200, page.status(), page.body());
        String img = attr(page.body(), "src=\"([^\"]*showqrcode[^\"]*)\"");
        String ticket = URLDecoder.decode(img.substring(img.indexOf("ticket=") + 7).replace("&amp;", "&"), StandardCharsets.UTF_8);
        return new LoginPage(desktop, ticket, page.uri().resolve(attr(page.body(), "data-status-url=\"([^\"]+)\"")).toString(),
                page.uri().resolve(attr(page.body(), "data-complete-url=\"([^\"]+)\"").replace("&amp;", "&")).toString());
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
}
