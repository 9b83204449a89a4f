package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.Chromium;
import io.wxbind.it.support.SimControl;
import io.wxbind.launch.WxBindStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The demo's mini program ({@code miniprogram.html}) in real headless Chromium, through the shipped
 * lazy-login client ({@code wxbind-client.js}): three API calls at once answer 401, share one
 * login (one {@code wx.login} code, one exchange), the person binds with a password in the page,
 * and all three calls are retried and answered as that account; a later call needs no login.
 */
class BrowserMiniProgramIT {

    private static final String EXCHANGE = "/api/sns/jscode2session";

    @Test
    void threeCallsAtOnceWhenUnboundThenOneLoginBindRetryAllAsTheAccount() throws Exception {
        SimControl.SimPersonInfo person = sim().newPerson("小程序 Chrome");
        long exchanges = sim().calls(EXCHANGE);
        ChromeDriver browser = Chromium.start();
        try {
            browser.get(stack().appUrl() + "miniprogram.html?person=" + person.id());
            Chromium.await(browser).until(ExpectedConditions.attributeToBe(By.id("mini-program"), "data-ready", "true"));
            browser.findElement(By.id("call-three")).click();
            Chromium.await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("bind-form")));
            Chromium.screenshot(browser, "11-mini-program-bind");
            browser.findElement(By.id("mp-username")).sendKeys("alice");
            browser.findElement(By.id("mp-password")).sendKeys("alice-password");
            browser.findElement(By.id("mp-bind")).click();
            Chromium.await(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "3 calls answered: 200, 200, 200"));
            assertEquals("alice", browser.findElement(By.id("mp-caller")).getText());
            assertEquals("1", browser.findElement(By.id("mp-logins")).getText(), "concurrent 401s share one login");
            assertEquals(exchanges + 1, sim().calls(EXCHANGE), "one wx.login code exchanged");
            assertEquals("alice", boundAccount(WxBindStack.MINIPROGRAM_APP_ID, person.openIdFor(WxBindStack.MINIPROGRAM_APP_ID)));

            browser.findElement(By.id("call-me")).click();
            Chromium.await(browser).until(d -> d.findElement(By.id("log")).getText().split("\n").length > 0
                    && d.findElement(By.id("log")).getText().trim().endsWith("GET /wxbind/api/me → 200"));
            assertEquals("1", browser.findElement(By.id("mp-logins")).getText(), "the stored token needs no new login");
            String log = browser.findElement(By.id("log")).getText();
            assertTrue(log.contains("POST /wxbind/api/wechat/miniprogram/session → 200"), log);
            assertTrue(log.contains("POST /wxbind/api/wechat/miniprogram/bind → 200"), log);
            Chromium.screenshot(browser, "12-mini-program-logged-in");
        } finally {
            browser.quit();
        }
    }
}
