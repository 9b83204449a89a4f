package io.wxbind.it;

import static io.wxbind.it.QrBindingIT.control;
import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.Chromium;
import io.wxbind.it.support.SimControl;
import jakarta.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In headless Chromium: a logged-in user's page turns to "bound" without a reload when the QR
 * is scanned (Server-Sent Events); a second browser logs in by QR. Screenshots in target/screenshots.
 */
class BrowserQrIT {

    @Test
    void qrBindPageWhenScannedThenShowsBoundWithoutReload() {
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
            String src = chrome.findElement(By.id("qr-image")).getAttribute("src");
            String ticket = URLDecoder.decode(src.substring(src.indexOf("ticket=") + 7), StandardCharsets.UTF_8);

            SimControl.SimPersonInfo scanner = sim().newPerson("Chrome scanner");
            control("POST", "/scan", Json.createObjectBuilder().add("ticket", ticket).add("person", scanner.id()).build());
            Chromium.awaitAttribute(chrome, "qr-status", "data-status", "bound");
            assertEquals(Boolean.TRUE, chrome.executeScript("return window.__sameDocument === true;"), "the page was not reloaded");
            assertTrue(chrome.findElement(By.id("qr-status")).getText().contains("bob"));
            Chromium.screenshot(chrome, "05-qr-bind-bound");
            assertEquals("bob", boundAccount(APP_ID, scanner.openIdFor(APP_ID)));
        } finally {
            chrome.quit();
        }
    }

    @Test
    void qrLoginWhenBoundPersonScansThenDesktopBrowserLoggedIn() {
        SimControl.SimPersonInfo phone = bindNewPerson("alice", "alice-password");
        ChromeDriver desktop = Chromium.start();
        try {
            desktop.get(stack().appUrl());
            desktop.findElement(By.id("qr-login-link")).click();
            wait(desktop).until(ExpectedConditions.visibilityOfElementLocated(By.id("qr-image")));
            Chromium.screenshot(desktop, "06-qr-login-waiting");
            String src = desktop.findElement(By.id("qr-image")).getAttribute("src");
            String ticket = URLDecoder.decode(src.substring(src.indexOf("ticket=") + 7), StandardCharsets.UTF_8);
            control("POST", "/scan", Json.createObjectBuilder().add("ticket", ticket).add("person", phone.id()).build());
            wait(desktop).until(ExpectedConditions.textToBe(By.id("caller"), "alice"));
            assertEquals("WECHAT_QR", desktop.findElement(By.id("login-method")).getAttribute("data-method"));
            Chromium.screenshot(desktop, "07-qr-login-done");
        } finally {
            desktop.quit();
        }
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
