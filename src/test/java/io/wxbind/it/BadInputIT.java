package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.assertNoStackTrace;
import static io.wxbind.it.support.ItSupport.assertProblemPage;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.WeChatBrowser;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Missing, oversized and garbled input and wrong methods: a 4xx with a clear page or JSON, never a 500. */
class BadInputIT {

    private static String app;
    private final WeChatBrowser b = new WeChatBrowser("nobody");

    @BeforeAll
    static void stackUp() {
        app = stack().appUrl();
    }

    @Test
    void flowPathsWhenGarbageThen4xxPages() {
        assertProblemPage(b.get(app + "wechat/callback"), 400, "state_missing");
        assertProblemPage(b.get(app + "wechat/callback?state=" + "A".repeat(5000) + "&code=x"), 400, "authorization_request_not_found");
        assertProblemPage(b.get(app + "wechat/callback?state=%FF%FE&code=%00"), 400, "authorization_request_not_found");
        assertProblemPage(b.get(app + "wechat/bind"), 400, "ticket_invalid");
        assertProblemPage(b.get(app + "wechat/bind?ticket=" + "x".repeat(3000)), 400, "ticket_invalid");
        assertProblemPage(b.post(app + "wechat/bind", Map.of()), 400, "ticket_invalid");
        assertProblemPage(b.post(app + "wechat/bind", Map.of("ticket", "A".repeat(43), "username", "x".repeat(10_000), "password", "p")),
                400, "ticket_invalid");
        assertProblemPage(b.get(app + "wechat/login?returnTo=%2F" + "a".repeat(2100)), 400, "bad_return_url");
        assertProblemPage(b.get(app + "wechat/qr-login/complete"), 400, "qr_login_invalid");
        assertProblemPage(b.get(app + "wechat/qr-login/complete?id=" + "x".repeat(500)), 400, "qr_login_invalid");
        assertEquals(404, b.get(app + "wechat/qr-login/status").status());
    }

    @Test
    void wrongMethodsAndUnknownPathsThenPagesOrJsonNot500() {
        for (String path : new String[] {"wechat/callback", "wechat/login"}) {
            WeChatBrowser.Page page = b.post(app + path, Map.of("a", "b"));
            assertEquals(405, page.status(), path);
            assertTrue(page.contentType().startsWith("text/html"), path + " " + page.contentType());
            assertNoStackTrace(page.body());
        }
        assertEquals(405, b.send("DELETE", app + "wechat/bind").status());
        WeChatBrowser.Page missing = b.get(app + "no/such/page");
        assertEquals(404, missing.status());
        assertNoStackTrace(missing.body());
        WeChatBrowser.Page apiMissing = b.get(app + "api/no-such-resource");
        assertEquals(404, apiMissing.status());
        assertTrue(apiMissing.contentType().startsWith("application/json"), apiMissing.contentType());
        assertTrue(apiMissing.body().contains("\"error\""), apiMissing.body());
        WeChatBrowser.Page apiWrongMethod = b.send("DELETE", app + "api/me");
        assertEquals(405, apiWrongMethod.status());
        assertTrue(apiWrongMethod.body().contains("\"error\""), apiWrongMethod.body());
    }
}
