package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.Chromium;
import io.wxbind.it.support.SimControl;
import java.nio.file.Files;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in real headless Chromium: choose who you are in the simulator, open the protected
 * page, bind with a password, and be logged in; then a brand-new browser session of the same
 * WeChat user is logged in without any page in between. Screenshots go to target/screenshots.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class BrowserFlowIT {

    @Test
    void chooseBindThenNewSessionLogsInSilently() throws Exception {
        SimControl.SimPersonInfo person = sim().newPerson("Chrome 陈");
        String app = stack().appUrl();

        ChromeDriver first = Chromium.start();
        try {
            choose(first, person);
            first.get(app + "app/");
            wait(first).until(ExpectedConditions.visibilityOfElementLocated(By.id("bind-submit")));
            assertTrue(first.getCurrentUrl().contains("/wxbind/wechat/bind?ticket="), first.getCurrentUrl());
            Chromium.screenshot(first, "01-bind-page");
            first.findElement(By.id("username")).sendKeys("alice");
            first.findElement(By.id("password")).sendKeys("alice-password");
            first.findElement(By.id("bind-submit")).click();
            wait(first).until(ExpectedConditions.textToBe(By.id("caller"), "alice"));
            assertEquals("WECHAT_BIND_PASSWORD", first.findElement(By.id("login-method")).getAttribute("data-method"));
            assertTrue(Files.size(Chromium.screenshot(first, "02-logged-in-after-bind")) > 1000);
        } finally {
            first.quit();
        }
        assertEquals("alice", boundAccount(APP_ID, person.openIdFor(APP_ID)));

        ChromeDriver second = Chromium.start();
        try {
            choose(second, person);
            second.get(app + "app/");
            wait(second).until(ExpectedConditions.textToBe(By.id("caller"), "alice"));
            // Browsers keep the authorize URL's #wechat_redirect across the redirects, as in WeChat.
            assertTrue(second.getCurrentUrl().replaceFirst("#.*", "").endsWith("/wxbind/app/"), second.getCurrentUrl());
            assertEquals("WECHAT", second.findElement(By.id("login-method")).getAttribute("data-method"));
            Chromium.screenshot(second, "03-silent-login-new-session");
        } finally {
            second.quit();
        }
    }

    /** The simulator's "choose who you are" page sets the wxsim_person cookie. */
    private static void choose(ChromeDriver driver, SimControl.SimPersonInfo person) {
        driver.get(stack().simulatorUrl());
        wait(driver).until(ExpectedConditions.elementToBeClickable(By.id("choose-" + person.id()))).click();
        wait(driver).until(d -> d.manage().getCookieNamed("wxsim_person") != null);
    }

    private static WebDriverWait wait(ChromeDriver driver) {
        return Chromium.await(driver);
    }
}
