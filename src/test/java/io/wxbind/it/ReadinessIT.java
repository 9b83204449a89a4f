package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static io.wxbind.it.support.ItSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.CheckLoad;
import io.wxbind.it.support.WeChatBrowser;
import jakarta.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Health readiness of a node ({@code AccessTokenReadiness}), on Payara (HTTP port)
 * and on WildFly (management port, with the subsystem {@code server-config/wildfly} adds): UP
 * while the server token is held, DOWN when it has expired and WeChat cannot issue another, UP
 * again once WeChat answers.
 */
@Tag("wildfly")
class ReadinessIT {

    private static final String CHECK = "\"name\":\"wechat-access-tokens\"";

    @Test
    void readinessWhenTokenHeldThenUpWithTheTokenCheck() {
        useTheToken();
        WeChatBrowser.Page ready = awaitReady(200, Duration.ofSeconds(45));
        assertTrue(ready.body().contains(CHECK), "the app's check is registered: " + ready.body());
        assertTrue(valid(ready.body()), ready.body());
        assertEquals(200, health("/live").status(), "liveness");
    }

    @Test
    void readinessWhenTokenExpiredAndWeChatDownThenDownUntilWeChatAnswersAgain() {
        useTheToken();
        awaitReady(200, Duration.ofSeconds(45));
        try {
            for (String path : new String[] {"/api/cgi-bin/stable_token", "/api/cgi-bin/token"}) {
                sim().fault(Json.createObjectBuilder().add("path", path).add("httpStatus", 503).build());
            }
            assertEquals(1, update("update wxbind_app_token set expires_at = now() - interval '1 minute' where app_id = ?", APP_ID));
            WeChatBrowser.Page down = awaitReady(503, Duration.ofSeconds(15));
            assertTrue(down.body().contains("\"status\":\"DOWN\""), down.body());
            assertTrue(down.body().contains(CHECK) && !valid(down.body()), down.body());
        } finally {
            sim().clearFaults();
        }
        useTheToken();
        WeChatBrowser.Page up = awaitReady(200, Duration.ofSeconds(45));
        assertTrue(valid(up.body()), up.body());
    }

    /**
     * A QR login page needs the server token: the node fetches one now if it has none, instead of
     * at its timer's next check (30 s; the first check may have come before the simulator was up).
     */
    private static void useTheToken() {
        new WeChatBrowser("nobody").get(stack().appUrl() + "wechat/qr-login?returnTo=%2Fwxbind%2Fapp%2F");
    }

    /** The check's data: Payara writes the boolean as a string, WildFly as a boolean. */
    private static boolean valid(String body) {
        return body.replace(" ", "").matches("(?s).*\"" + APP_ID + "\\.valid\":\"?true.*");
    }

    private static WeChatBrowser.Page awaitReady(int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        WeChatBrowser.Page last = health("/ready");
        while (last.status() != status && System.nanoTime() < deadline) {
            CheckLoad.sleep(Duration.ofMillis(500));
            last = health("/ready");
        }
        assertEquals(status, last.status(), "readiness on " + stack().appNode() + ": " + last.body());
        return last;
    }

    private static WeChatBrowser.Page health(String path) {
        WeChatBrowser.Page page = new WeChatBrowser("nobody").get(stack().appNode().healthUrl() + path);
        return new WeChatBrowser.Page(page.status(), page.uri(), page.rawLocation(), page.contentType(), page.body().replace(" ", ""));
    }
}
