package io.wxbind.it;

import static io.wxbind.it.QrBindingIT.control;
import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.count;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.Chromium;
import io.wxbind.it.support.QrPhone;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import jakarta.json.Json;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In headless Chromium: a page with a QR code shows "scanned, confirm on your phone" after the
 * scan and turns to its outcome without a reload only when the phone answers (Server-Sent
 * Events); the "coupon" attack (the attacker's own login code scanned by a victim) logs nobody
 * in. The phone is a WeChat browser over HTTP. Screenshots in target/screenshots.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class BrowserQrIT {

    @Test
    void qrBindPageWhenScannedThenWaitsForPhoneThenShowsBoundWithoutReload() {
        SimControl.SimPersonInfo owner = bindNewPerson("bob", "bob-password");
        ChromeDriver chrome = Chromium.start();
        try {
            choose(chrome, owner);
            chrome.get(stack().appUrl() + "app/");
            wait(chrome).until(ExpectedConditions.textToBe(By.id("caller"), "bob"));
            chrome.findElement(By.id("qr-bind-start")).click();
            Chromium.awaitAttribute(chrome, "qr-status", "data-status", "pending");
            chrome.executeScript("window.__sameDocument = true;");
            Chromium.screenshot(chrome, "04-qr-bind-waiting");

            SimControl.SimPersonInfo scanner = sim().newPerson("Chrome scanner");
            String link = QrPhone.confirmLink(control("POST", "/scan", Json.createObjectBuilder()
                    .add("ticket", ticket(chrome)).add("person", scanner.id()).build()));
            Chromium.awaitAttribute(chrome, "qr-status", "data-status", "scanned");
            assertTrue(chrome.findElement(By.id("qr-status")).getText().contains("confirm on the phone"));
            assertNull(boundAccount(APP_ID, scanner.openIdFor(APP_ID)), "nothing bound before the phone confirms");
            Chromium.screenshot(chrome, "05-qr-bind-scanned");

            WeChatBrowser phone = new WeChatBrowser(scanner.id());
            assertEquals("bound", QrPhone.outcome(QrPhone.answer(phone, QrPhone.question(phone, link), "confirm")));
            Chromium.awaitAttribute(chrome, "qr-status", "data-status", "bound");
            assertEquals(Boolean.TRUE, chrome.executeScript("return window.__sameDocument === true;"), "the page was not reloaded");
            assertTrue(chrome.findElement(By.id("qr-status")).getText().contains("bob"));
            Chromium.screenshot(chrome, "05b-qr-bind-bound");
            assertEquals("bob", boundAccount(APP_ID, scanner.openIdFor(APP_ID)));
        } finally {
            chrome.quit();
        }
    }

    @Test
    void qrLoginWhenBoundPersonScansAndConfirmsThenDesktopBrowserLoggedIn() {
        SimControl.SimPersonInfo phonePerson = bindNewPerson("alice", "alice-password");
        ChromeDriver desktop = Chromium.start();
        try {
            desktop.get(stack().appUrl());
            desktop.findElement(By.id("qr-login-link")).click();
            wait(desktop).until(ExpectedConditions.visibilityOfElementLocated(By.id("qr-image")));
            Chromium.awaitAttribute(desktop, "qr-status", "data-status", "pending");
            Chromium.screenshot(desktop, "06-qr-login-waiting");
            String link = QrPhone.confirmLink(control("POST", "/scan", Json.createObjectBuilder()
                    .add("ticket", ticket(desktop)).add("person", phonePerson.id()).build()));
            Chromium.awaitAttribute(desktop, "qr-status", "data-status", "scanned");
            assertTrue(desktop.findElement(By.id("qr-status")).getText().contains("Scanned, confirm on your phone"));
            Chromium.screenshot(desktop, "06b-qr-login-scanned");

            WeChatBrowser phone = new WeChatBrowser(phonePerson.id());
            WeChatBrowser.Page question = QrPhone.question(phone, link);
            // Chromium reaches localhost over IPv4 or IPv6: the masked address is "127.0.0.x" or a /64
            assertTrue(question.body().matches("(?s).*Log in on a browser: Chrome on Linux, (127\\.0\\.0\\.x|[0-9a-f:]+/64), just now.*"),
                    question.body());
            QrPhone.answer(phone, question, "confirm");
            wait(desktop).until(ExpectedConditions.textToBe(By.id("caller"), "alice"));
            assertEquals("WECHAT_QR", desktop.findElement(By.id("login-method")).getAttribute("data-method"));
            Chromium.screenshot(desktop, "07-qr-login-done");
        } finally {
            desktop.quit();
        }
    }

    @io.wxbind.it.support.Hostile
    /**
     * The coupon attack of issue 10 in a real browser: the attacker opens the QR login page, the
     * victim (bound, admin) scans it. The attacker's page only learns "scanned"; the complete step
     * is refused with the attacker's own browser cookie; "Not me" cancels and the page says so.
     */
    @Test
    void couponAttackWhenVictimScansAttackersCodeThenAttackerStaysLoggedOutAndSeesCancelled() throws Exception {
        SimControl.SimPersonInfo victim = bindNewPerson("alice", "alice-password");
        ChromeDriver attacker = Chromium.start();
        try {
            attacker.get(stack().appUrl() + "wechat/qr-login?returnTo=%2Fwxbind%2Fapp%2F");
            Chromium.awaitAttribute(attacker, "qr-status", "data-status", "pending");
            String complete = URI.create(attacker.getCurrentUrl()).resolve(attacker.findElement(By.id("qr-login"))
                    .getAttribute("data-complete-url")).toString();
            String statusUrl = attacker.findElement(By.id("qr-login")).getAttribute("data-status-url");
            String sceneId = statusUrl.substring(statusUrl.indexOf("id=") + 3);
            long bindings = count("select count(*) from wxbind_wechat_openid");
            String link = QrPhone.confirmLink(control("POST", "/scan", Json.createObjectBuilder()
                    .add("ticket", ticket(attacker)).add("person", victim.id()).build()));
            Chromium.awaitAttribute(attacker, "qr-status", "data-status", "scanned");
            Thread.sleep(3000); // give a wrong login every chance to happen
            assertTrue(attacker.getCurrentUrl().contains("/wechat/qr-login"), attacker.getCurrentUrl());
            assertEquals(400, getWithBrowserCookie(attacker, complete), "the attacker's own browser cannot complete");
            Chromium.screenshot(attacker, "08-coupon-attack-scanned");

            WeChatBrowser phone = new WeChatBrowser(victim.id());
            WeChatBrowser.Page question = QrPhone.question(phone, link);
            assertTrue(question.body().contains("Chrome on Linux"), "the victim sees which browser asks: " + question.body());
            assertEquals("cancelled", QrPhone.outcome(QrPhone.answer(phone, question, "not-me")));
            Chromium.awaitAttribute(attacker, "qr-status", "data-status", "cancelled");
            assertTrue(attacker.findElement(By.id("qr-status")).getText().contains("Cancelled on the phone"));
            Chromium.screenshot(attacker, "09-coupon-attack-cancelled");

            attacker.get(stack().appUrl() + "api/me");
            String me = attacker.getPageSource();
            assertTrue(me.contains("not_authenticated") && !me.contains("alice"), me);
            attacker.get(complete);
            assertEquals("qr_login_invalid", attacker.findElement(By.id("error-code")).getText());
            assertEquals(bindings, count("select count(*) from wxbind_wechat_openid"));
            assertEquals(1, count("select count(*) from wxbind_qr_scene where id = ? and status = 'cancelled' and result_account is null",
                    sceneId));
        } finally {
            attacker.quit();
        }
    }

    /** A GET with only the browser cookie Chromium holds (it is HttpOnly: the page's script cannot read it, WebDriver can). */
    private static int getWithBrowserCookie(ChromeDriver driver, String url) throws Exception {
        String cookie = driver.manage().getCookieNamed("WXBIND_BROWSER").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "WXBIND_BROWSER=" + cookie)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String ticket(ChromeDriver driver) {
        String src = driver.findElement(By.id("qr-image")).getAttribute("src");
        return URLDecoder.decode(src.substring(src.indexOf("ticket=") + 7), StandardCharsets.UTF_8);
    }

    private static void choose(ChromeDriver driver, SimControl.SimPersonInfo person) {
        driver.get(stack().simulatorUrl());
        wait(driver).until(ExpectedConditions.elementToBeClickable(By.id("choose-" + person.id()))).click();
        wait(driver).until(d -> d.manage().getCookieNamed("wxsim_person") != null);
    }

    private static WebDriverWait wait(ChromeDriver driver) {
        return Chromium.await(driver);
    }
}
