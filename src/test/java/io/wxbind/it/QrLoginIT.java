package io.wxbind.it;

import static io.wxbind.it.QrBindingIT.control;
import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.assertNoStackTrace;
import static io.wxbind.it.support.ItSupport.assertProblemPage;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.count;
import static io.wxbind.it.support.ItSupport.loginMethod;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.ItSupport;
import io.wxbind.it.support.QrPhone;
import io.wxbind.it.support.RawHttp;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import jakarta.json.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * QR login of a desktop browser by a bound WeChat user who confirms on the phone: one-time,
 * expiring, bound to that browser; a scan alone, a forwarded or replayed confirmation, another
 * browser: refused, nothing changed.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class QrLoginIT {

    record LoginPage(WeChatBrowser desktop, String ticket, String statusUrl, String completeUrl) {
    }

    private static final String PAGE = "wechat/qr-login?returnTo=%2Fwxbind%2Fapp%2F";
    private static final String QR_CREATE = "/api/cgi-bin/qrcode/create";
    /** The default {@code wechat.qr.login-per-ip}, which the test stack keeps. */
    private static final int LOGIN_PER_IP = 30;

    /** A desktop browser opening the QR login page: its code, status and completion URLs. */
    static LoginPage open() {
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
    void scanWhenBoundThenConfirmedOnPhoneThenThatDesktopBrowserIsLoggedInOnce(String mode) {
        control("PUT", "/apps/" + io.wxbind.it.support.ItSupport.APP_ID + "/push-settings",
                Json.createObjectBuilder().add("mode", mode).build());
        SimControl.SimPersonInfo p = bindNewPerson("bob", "bob-password");
        LoginPage login = open();
        assertTrue(login.desktop().get(login.statusUrl()).body().contains("\"status\":\"pending\""));
        var scan = control("POST", "/scan", Json.createObjectBuilder().add("ticket", login.ticket()).add("person", p.id()).build());
        String link = QrPhone.confirmLink(scan);
        assertFalse(scan.getString("reply").contains("bob"), "the reply names no account: " + scan);
        assertTrue(login.desktop().get(login.statusUrl()).body().contains("\"status\":\"scanned\""));
        assertProblemPage(login.desktop().get(login.completeUrl()), 400, "qr_login_invalid"); // a scan alone logs nobody in

        WeChatBrowser phone = new WeChatBrowser(p.id());
        WeChatBrowser.Page question = QrPhone.question(phone, link);
        assertTrue(question.body().contains("Log in on a browser: an unknown browser, 127.0.0.x, just now"), question.body());
        assertTrue(question.body().contains("as b***"), question.body());
        WeChatBrowser.Page done = QrPhone.answer(phone, question, "confirm");
        assertEquals(200, done.status(), done.body());
        assertEquals("confirmed", QrPhone.outcome(done));
        assertTrue(login.desktop().get(login.statusUrl()).body().contains("\"status\":\"confirmed\""));

        WeChatBrowser thief = new WeChatBrowser("nobody");
        assertEquals(404, thief.get(login.statusUrl()).status(), "another browser learns nothing");
        assertProblemPage(thief.get(login.completeUrl()), 400, "qr_login_invalid");

        WeChatBrowser.Chain completed = login.desktop().open(login.completeUrl());
        assertEquals(200, completed.last().status(), completed.toString());
        assertCaller(completed.last(), "bob");
        assertEquals("WECHAT_QR", loginMethod(completed.last()));

        assertProblemPage(new WeChatBrowser("nobody").get(login.completeUrl()), 400, "qr_login_invalid");
    }

    @io.wxbind.it.support.Hostile
    /**
     * The "coupon" attack: the attacker shows their own login code to a bound victim. The scan
     * logs the attacker in as nobody; the victim's "Not me" cancels it and the attacker's page is
     * told; no row of bindings or sessions changes.
     */
    @Test
    void couponAttackWhenVictimScansAttackersCodeThenAttackerNotLoggedInAndNotMeCancels() {
        SimControl.SimPersonInfo victim = bindNewPerson("alice", "alice-password");
        LoginPage attacker = open();
        long bindings = count("select count(*) from wxbind_wechat_openid");
        var scan = control("POST", "/scan", Json.createObjectBuilder().add("ticket", attacker.ticket()).add("person", victim.id()).build());
        String link = QrPhone.confirmLink(scan);
        assertTrue(attacker.desktop().get(attacker.statusUrl()).body().contains("\"status\":\"scanned\""));
        assertProblemPage(attacker.desktop().get(attacker.completeUrl()), 400, "qr_login_invalid");
        assertEquals(401, attacker.desktop().get(stack().appUrl() + "api/me").status(), "the attacker is nobody");

        WeChatBrowser phone = new WeChatBrowser(victim.id());
        WeChatBrowser.Page notMe = QrPhone.answer(phone, QrPhone.question(phone, link), "not-me");
        assertEquals(200, notMe.status(), notMe.body());
        assertEquals("cancelled", QrPhone.outcome(notMe));
        String status = attacker.desktop().get(attacker.statusUrl()).body();
        assertTrue(status.contains("\"status\":\"cancelled\"") && status.contains("Cancelled on the phone"), status);
        assertProblemPage(attacker.desktop().get(attacker.completeUrl()), 400, "qr_login_invalid");
        assertEquals(401, attacker.desktop().get(stack().appUrl() + "api/me").status());
        assertEquals(bindings, count("select count(*) from wxbind_wechat_openid"));
        assertEquals(1, count("select count(*) from wxbind_qr_scene where status = 'cancelled' and result_account is null"
                + " and browser_hash is not null and id = ?", idOf(attacker)));
        assertProblemPage(phone.open(link).last(), 400, "qr_confirm_invalid");
    }

    @io.wxbind.it.support.Hostile
    @Test
    void confirmLinkWhenForwardedToAnotherPersonThenRefusedNothingChangesAndOwnerStillConfirms() {
        SimControl.SimPersonInfo owner = bindNewPerson("bob", "bob-password");
        SimControl.SimPersonInfo other = bindNewPerson("alice", "alice-password");
        LoginPage login = open();
        String link = QrPhone.confirmLink(control("POST", "/scan", Json.createObjectBuilder().add("ticket", login.ticket())
                .add("person", owner.id()).build()));
        long bindings = count("select count(*) from wxbind_wechat_openid");

        assertProblemPage(QrPhone.open(new WeChatBrowser(other.id()), link).last(), 403, "qr_confirm_not_yours");
        assertEquals(1, count("select count(*) from wxbind_qr_scene where id = ? and status = 'scanned'"
                + " and confirm_browser_hash is null and verified_at is null and confirm_ticket_hash is not null", idOf(login)));
        assertEquals(bindings, count("select count(*) from wxbind_wechat_openid"));
        assertTrue(login.desktop().get(login.statusUrl()).body().contains("\"status\":\"scanned\""));

        WeChatBrowser phone = new WeChatBrowser(owner.id());
        assertEquals("confirmed", QrPhone.outcome(QrPhone.answer(phone, QrPhone.question(phone, link), "confirm")));
        assertCaller(login.desktop().open(login.completeUrl()).last(), "bob");
    }

    @io.wxbind.it.support.Hostile
    @Test
    void confirmWhenReplayedForgedOrFromAnotherBrowserThenRefusedAndAnsweredOnce() {
        SimControl.SimPersonInfo owner = bindNewPerson("bob", "bob-password");
        LoginPage login = open();
        String link = QrPhone.confirmLink(control("POST", "/scan", Json.createObjectBuilder().add("ticket", login.ticket())
                .add("person", owner.id()).build()));
        WeChatBrowser phone = new WeChatBrowser(owner.id());
        WeChatBrowser.Page question = QrPhone.question(phone, link);

        assertProblemPage(QrPhone.open(new WeChatBrowser(owner.id()), link).last(), 400, "qr_confirm_invalid"); // the link is spent
        WeChatBrowser otherBrowser = new WeChatBrowser(owner.id());
        assertProblemPage(otherBrowser.get(question.uri().toString()), 403, "qr_confirm_other_browser");
        assertProblemPage(QrPhone.answer(otherBrowser, question, "confirm"), 403, "qr_confirm_other_browser");
        assertProblemPage(QrPhone.answerWithout(phone, question, "confirm"), 403, "csrf"); // no form token: refused before the answer
        assertTrue(login.desktop().get(login.statusUrl()).body().contains("\"status\":\"scanned\""), "nothing answered yet");

        assertEquals("confirmed", QrPhone.outcome(QrPhone.answer(phone, question, "confirm")));
        assertProblemPage(QrPhone.answer(phone, question, "confirm"), 400, "qr_confirm_invalid");
        assertProblemPage(QrPhone.answer(phone, question, "not-me"), 400, "qr_confirm_invalid");
        assertTrue(login.desktop().get(login.statusUrl()).body().contains("\"status\":\"confirmed\""));

        WeChatBrowser anyone = new WeChatBrowser("nobody");
        assertProblemPage(anyone.get(stack().appUrl() + "wechat/qr-confirm?t=" + "A".repeat(43)), 400, "qr_confirm_invalid");
        assertProblemPage(anyone.get(stack().appUrl() + "wechat/qr-confirm?t=%3Cscript%3E"), 400, "qr_confirm_invalid");
        assertProblemPage(anyone.get(stack().appUrl() + "wechat/qr-confirm"), 400, "qr_confirm_invalid");
        assertProblemPage(anyone.get(stack().appUrl() + "wechat/qr-confirm/answer?id=" + "x".repeat(300)), 400, "qr_confirm_invalid");
    }

    @io.wxbind.it.support.Hostile
    @Test
    void confirmWhenLinkExpiredThenRefusedAndDesktopShownExpired() {
        SimControl.SimPersonInfo owner = bindNewPerson("bob", "bob-password");
        LoginPage login = open();
        String link = QrPhone.confirmLink(control("POST", "/scan", Json.createObjectBuilder().add("ticket", login.ticket())
                .add("person", owner.id()).build()));
        ItSupport.update("update wxbind_qr_scene set confirm_expires_at = now() - interval '1 second' where id = ?", idOf(login));
        assertProblemPage(QrPhone.open(new WeChatBrowser(owner.id()), link).last(), 400, "qr_confirm_invalid");
        assertTrue(login.desktop().get(login.statusUrl()).body().contains("\"status\":\"expired\""));
        assertProblemPage(login.desktop().get(login.completeUrl()), 400, "qr_login_invalid");
    }

    /** A phone that is logged in to the site (the usual case inside WeChat) is still checked through WeChat. */
    @Test
    void confirmWhenPhoneBrowserHasSessionThenStillCheckedAndConfirmed() {
        SimControl.SimPersonInfo owner = bindNewPerson("bob", "bob-password");
        SimControl.SimPersonInfo other = bindNewPerson("alice", "alice-password");
        WeChatBrowser othersPhone = new WeChatBrowser(other.id());
        assertCaller(othersPhone.open(stack().appUrl() + "app/").last(), "alice");
        WeChatBrowser phone = new WeChatBrowser(owner.id());
        assertCaller(phone.open(stack().appUrl() + "app/").last(), "bob");
        LoginPage login = open();
        String link = QrPhone.confirmLink(control("POST", "/scan", Json.createObjectBuilder().add("ticket", login.ticket())
                .add("person", owner.id()).build()));

        assertProblemPage(QrPhone.open(othersPhone, link).last(), 403, "qr_confirm_not_yours");
        assertEquals("confirmed", QrPhone.outcome(QrPhone.answer(phone, QrPhone.question(phone, link), "confirm")));
        assertCaller(login.desktop().open(login.completeUrl()).last(), "bob");
        assertCaller(phone.open(stack().appUrl() + "app/").last(), "bob"); // the phone's own session is untouched
    }

    @Test
    void eventsWhenScannedThenConfirmedThenStreamShowsEachStepAndEnds() throws Exception {
        SimControl.SimPersonInfo owner = bindNewPerson("bob", "bob-password");
        LoginPage login = open();
        String events = login.statusUrl().replace("/qr-login/status", "/qr-login/events");
        assertEquals(404, QrPhone.tryFollow(new WeChatBrowser("nobody"), events).statusCode(), "another browser's stream");
        QrPhone.Follower stream = QrPhone.follow(login.desktop(), events).awaitStatus("pending");
        String link = QrPhone.confirmLink(control("POST", "/scan", Json.createObjectBuilder().add("ticket", login.ticket())
                .add("person", owner.id()).build()));
        stream.awaitStatus("scanned");
        WeChatBrowser phone = new WeChatBrowser(owner.id());
        QrPhone.answer(phone, QrPhone.question(phone, link), "confirm");
        String seen = stream.end();
        int pending = seen.indexOf("\"status\":\"pending\"");
        int scanned = seen.indexOf("\"status\":\"scanned\"");
        int confirmed = seen.indexOf("\"status\":\"confirmed\"");
        assertTrue(pending >= 0 && scanned > pending && confirmed > scanned, seen);
        assertFalse(seen.contains("\"account\""), "a login page is not told the account: " + seen);
    }

    @io.wxbind.it.support.Hostile
    @Test
    void scanWhenUnboundThenToldHowToBindAndNoLogin() {
        SimControl.SimPersonInfo stranger = sim().newPerson("QR Stranger");
        LoginPage login = open();
        var scan = control("POST", "/scan", Json.createObjectBuilder().add("ticket", login.ticket()).add("person", stranger.id()).build());
        assertTrue(scan.getString("reply", "").contains("not bound"), scan.toString());
        assertTrue(login.desktop().get(login.statusUrl()).body().contains("\"status\":\"unbound\""));
        assertProblemPage(login.desktop().get(login.completeUrl()), 400, "qr_login_invalid");
    }

    private static String idOf(LoginPage page) {
        return page.statusUrl().substring(page.statusUrl().indexOf("id=") + 3);
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
