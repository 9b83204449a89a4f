package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.Chromium;
import io.wxbind.it.support.ItSupport;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page in headless Chromium: an administrator logged in through WeChat searches an
 * account by openid, sees its bindings (a hostile nickname shown as text) and its audit entries,
 * cancels an unbind, then confirms it (the binding is gone), and logs the account out
 * everywhere after confirming. A plain user gets no admin page. Screenshots in target/screenshots.
 */
class BrowserAdminIT {

    private static final String PASSWORD = "alice-password";

    @Test
    void adminWhenSearchesUnbindsAndLogsOutThenThePageShowsItAndTheServerDidIt() throws Exception {
        String app = stack().appUrl();
        String admin = account("badm" + System.nanoTime() % 100_000, "user", "admin");
        SimControl.SimPersonInfo adminPerson = bindNewPerson(admin, PASSWORD);
        String target = account("btgt" + System.nanoTime() % 100_000, "user");
        SimControl.SimPersonInfo targetPerson = bindNewPerson(target, PASSWORD);
        String openId = targetPerson.openIdFor(APP_ID);
        ItSupport.update("update wxbind_wechat_openid set nickname = ? where open_id = ?", "<img src=x onerror=alert(1)>", openId);
        WeChatBrowser targetSession = new WeChatBrowser(targetPerson.id());
        assertEquals(200, targetSession.open(app + "app/").last().status());

        ChromeDriver chrome = Chromium.start();
        try {
            chrome.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900)); // an administrator's desktop
            Chromium.chooseWeChatPerson(chrome, stack().simulatorUrl(), adminPerson.id());
            chrome.get(app + "wechat/admin");
            wait(chrome).until(d -> "true".equals(d.findElement(By.id("apps")).getAttribute("data-loaded")));
            assertTrue(chrome.findElement(By.cssSelector("#apps tr[data-app='" + APP_ID + "']")).getText().contains("usable"));

            new org.openqa.selenium.support.ui.Select(chrome.findElement(By.id("search-by"))).selectByValue("openId");
            chrome.findElement(By.id("search-value")).sendKeys(openId);
            chrome.findElement(By.id("search-submit")).click();
            Chromium.awaitAttribute(chrome, "message", "data-state", "found");
            WebElement account = chrome.findElement(By.cssSelector("[data-account='" + target + "']"));
            WebElement binding = account.findElement(By.cssSelector("tr[data-binding]"));
            assertTrue(binding.getText().contains(openId), binding.getText());
            assertTrue(binding.getText().contains("<img src=x onerror=alert(1)>"), "the nickname is text, not markup");
            wait(chrome).until(d -> "true".equals(account.findElement(By.cssSelector(".audit")).getAttribute("data-loaded")));
            assertTrue(account.findElement(By.cssSelector(".audit")).getText().contains("BOUND"));
            Chromium.screenshot(chrome, "20-admin-search");

            binding.findElement(By.cssSelector("button.unbind")).click();
            wait(chrome).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
            assertTrue(chrome.findElement(By.id("confirm-text")).getText().contains(target));
            Chromium.screenshot(chrome, "21-admin-confirm-unbind");
            chrome.findElement(By.id("confirm-no")).click();
            assertEquals(target, boundAccount(APP_ID, openId), "cancelled: nothing changed");

            chrome.findElement(By.cssSelector("[data-account='" + target + "'] tr[data-binding] button.unbind")).click();
            wait(chrome).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-yes"))).click();
            Chromium.awaitAttribute(chrome, "message", "data-state", "done");
            assertNull(boundAccount(APP_ID, openId));
            assertEquals(401, targetSession.get(app + "api/ping/user").status(), "the account's sessions ended");
            Chromium.screenshot(chrome, "22-admin-unbound");

            new org.openqa.selenium.support.ui.Select(chrome.findElement(By.id("search-by"))).selectByValue("account");
            chrome.findElement(By.id("search-value")).clear();
            chrome.findElement(By.id("search-value")).sendKeys(target);
            chrome.findElement(By.id("search-submit")).click();
            Chromium.awaitAttribute(chrome, "message", "data-state", "found");
            assertTrue(chrome.findElements(By.cssSelector("[data-account='" + target + "'] tr[data-binding]")).isEmpty());
            long revoked = revocations(target);
            chrome.findElement(By.cssSelector("[data-account='" + target + "'] button.logout")).click();
            wait(chrome).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-yes"))).click();
            Chromium.awaitAttribute(chrome, "message", "data-state", "done");
            assertEquals(revoked + 1, revocations(target));
            assertTrue(Files.size(Chromium.screenshot(chrome, "23-admin-logged-out-everywhere")) > 1000);
        } finally {
            chrome.quit();
        }
        assertTrue(ItSupport.count("select count(*) from wxbind_audit_log where kind = 'ADMIN' and account = ? and subject = ?"
                + " and method in ('lookup_openid', 'unbind', 'logout_everywhere')", admin, target) >= 3);
    }

    @Test
    void pageWhenAPlainUserThen403AndNoPage() {
        String user = account("busr" + System.nanoTime() % 100_000, "user");
        WeChatBrowser b = new WeChatBrowser(bindNewPerson(user, PASSWORD).id());
        assertEquals(200, b.open(stack().appUrl() + "app/").last().status());
        WeChatBrowser.Page page = b.get(stack().appUrl() + "wechat/admin");
        assertEquals(403, page.status(), page.body());
        assertFalse(page.body().contains("search-form"));
        assertEquals(403, b.get(stack().appUrl() + "wechat/admin/admin.js").status());
    }

    private static long revocations(String account) {
        return ItSupport.count("select count(*) from wxbind_audit_log where kind = 'REVOKED' and account = ?"
                + " and reason = 'admin_logout_everywhere'", account);
    }

    private static String account(String name, String... groups) {
        assertEquals(1, ItSupport.update("insert into wxbind_user_account (username, password_hash, display_name)"
                + " select ?, password_hash, ? from wxbind_user_account where username = 'alice'", name, "Test " + name));
        for (String g : List.of(groups)) {
            ItSupport.update("insert into wxbind_user_group (username, group_name) values (?, ?)", name, g);
        }
        return name;
    }

    private static WebDriverWait wait(ChromeDriver driver) {
        return Chromium.await(driver);
    }
}
