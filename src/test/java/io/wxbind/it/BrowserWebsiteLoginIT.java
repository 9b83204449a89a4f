package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.wxbind.it.support.Chromium;
import io.wxbind.it.support.SimControl;
import io.wxbind.launch.WxBindStack;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Website QR login in two headless Chromiums, as a person does it: the desktop opens the portal's
 * website login and shows WeChat's QR page; the phone (the simulator's phone page, as the person
 * bound through the mini program) scans the code read from the image, sees the confirmation
 * screen and allows; the desktop, polling, follows WeChat's redirect and is logged in as the same
 * account. Screenshots in target/screenshots.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class BrowserWebsiteLoginIT {

    @Test
    void websiteLoginWhenPhoneScansAndAllowsThenDesktopLoggedInAsTheMiniProgramAccount() throws Exception {
        SimControl.SimPersonInfo person = sim().newPerson("Chrome Website User");
        WebsiteLoginIT.bindInMiniProgram(person, "alice", "alice-password");
        ChromeDriver desktop = Chromium.start();
        ChromeDriver phone = Chromium.start();
        try {
            desktop.get(stack().appUrl());
            desktop.findElement(By.id("website-login-link")).click();
            Chromium.await(desktop).until(ExpectedConditions.visibilityOfElementLocated(By.id("qrconnect-image")));
            Chromium.awaitAttribute(desktop, "qrconnect-status", "data-status", "waiting");
            Chromium.screenshot(desktop, "20-website-login-qr");
            String content = decode((String) desktop.executeScript("return document.getElementById('qrconnect-image').src;"));
            assertTrue(content.contains("/wechat-sim/open/connect/confirm?uuid="), content);

            phone.get(stack().simulatorUrl());
            Chromium.await(phone).until(ExpectedConditions.elementToBeClickable(By.id("choose-" + person.id()))).click();
            Chromium.await(phone).until(d -> d.manage().getCookieNamed("wxsim_person") != null);
            phone.get(stack().simulatorUrl() + "phone");
            Chromium.await(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket"))).sendKeys(content);
            phone.findElement(By.id("scan")).click();
            Chromium.await(phone).until(ExpectedConditions.elementToBeClickable(By.id("allow")));
            Chromium.screenshot(phone, "21-website-login-phone-confirm");
            Chromium.awaitAttribute(desktop, "qrconnect-status", "data-status", "scanned");
            Chromium.screenshot(desktop, "22-website-login-scanned");

            phone.findElement(By.id("allow")).click();
            Chromium.awaitAttribute(phone, "confirm-result", "data-outcome", "allowed");
            Chromium.await(desktop).until(ExpectedConditions.textToBe(By.id("caller"), "alice"));
            assertEquals("WECHAT_WEBSITE", desktop.findElement(By.id("login-method")).getAttribute("data-method"));
            Chromium.screenshot(desktop, "23-website-login-done");
            assertEquals("alice", boundAccount(WxBindStack.WEBSITE_APP_ID, person.openIdFor(WxBindStack.WEBSITE_APP_ID)));
        } finally {
            desktop.quit();
            phone.quit();
        }
    }

    /** What the phone's camera would read: the QR code in the desktop's image. */
    private static String decode(String imageUrl) throws Exception {
        HttpResponse<byte[]> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(imageUrl)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
                ImageIO.read(new ByteArrayInputStream(image.body())))))).getText();
    }
}
