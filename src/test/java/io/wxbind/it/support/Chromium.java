package io.wxbind.it.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through its ChromeDriver, with explicit paths so that Selenium
 * Manager never tries to download anything, and a new empty profile per driver.
 */
public final class Chromium {

    public static final File BINARY = new File("/usr/bin/chromium");
    public static final File DRIVER = new File("/usr/bin/chromedriver");

    private Chromium() {
    }

    public static ChromeDriver start() {
        if (!BINARY.canExecute() || !DRIVER.canExecute()) {
            throw new IllegalStateException("Chromium is missing: the build installs Debian's chromium and chromium-driver"
                    + " (scripts/ensure-chromium.sh); install them or run as root.");
        }
        try {
            Path profile = Files.createTempDirectory("wxbind-chromium-");
            ChromeOptions o = new ChromeOptions();
            o.setBinary(BINARY);
            o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=414,896", "--user-data-dir=" + profile);
            ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build(), o);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A 30 s wait that retries a check racing a page navigation: Chromium may answer for an element
     * of the old document with "node does not belong to the document", not a stale-element error.
     */
    public static WebDriverWait await(ChromeDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /**
     * Waits (30 s) until element {@code id} carries {@code name="value"}. The attribute is read in one
     * script, never through a held element, and a read that races a page navigation is retried: a
     * handle found on the old page would fail with "node does not belong to the document".
     */
    public static void awaitAttribute(ChromeDriver driver, String id, String name, String value) {
        await(driver).withMessage(() -> "#" + id + "[" + name + "=" + value + "]")
                .until(d -> value.equals(((JavascriptExecutor) d).executeScript(
                        "var e = document.getElementById(arguments[0]); return e && e.getAttribute(arguments[1]);",
                        id, name)));
        capture(driver);
    }

    /**
     * Records the page the browser shows now, with its cookies as {@code set-cookie} values, for
     * the secret scan ({@link Capture}); done where the tests wait for a page anyway.
     */
    public static void capture(ChromeDriver driver) {
        if (!Capture.enabled()) {
            return;
        }
        try {
            java.util.List<String> cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).toList();
            Capture.record("Chromium", "GET", driver.getCurrentUrl(), 0, java.util.Map.of("set-cookie", cookies), driver.getPageSource());
        } catch (WebDriverException e) {
            // a page in the middle of a navigation: the next wait captures it
        }
    }

    /** Saves a PNG under {@code target/screenshots/}. */
    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Path.of(System.getProperty("wxbind.build.dir", "target"), "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            capture(driver);
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The simulator's "choose who you are" page sets the {@code wxsim_person} cookie: WeChat then knows {@code personId}. */
    public static void chooseWeChatPerson(ChromeDriver driver, String simulatorUrl, String personId) {
        driver.get(simulatorUrl);
        await(driver).until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(
                org.openqa.selenium.By.id("choose-" + personId))).click();
        await(driver).until(d -> d.manage().getCookieNamed("wxsim_person") != null);
    }
}
