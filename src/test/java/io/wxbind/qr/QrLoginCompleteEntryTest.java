package io.wxbind.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.config.WeChatConfig;
import io.wxbind.testsupport.FakeHttp;
import io.wxbind.testsupport.FakeLogin;
import io.wxbind.util.SecureTokens;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** QR-login completion as a login entry: only this browser's confirmed scene logs in, only to an allowed return URL. */
class QrLoginCompleteEntryTest {

    private static final String BROWSER = "B".repeat(43);

    private final List<String> calls = new ArrayList<>();
    private final QrLoginCompleteEntry entry = new QrLoginCompleteEntry();

    QrLoginCompleteEntryTest() {
        entry.config = WeChatConfig.read(k -> Optional.ofNullable(
                Map.of("wechat.app-id", "wx1a2b3c4d5e6f7a8b", "wechat.app-secret", "s3cret").get(k)));
        entry.qrLogins = new QrBindingService() {
            @Override
            public Optional<String> consumeLogin(String id, String browserHash) {
                calls.add("consume " + id);
                return "scene-1".equals(id) && SecureTokens.sha256Hex(BROWSER).equals(browserHash) ? Optional.of("alice") : Optional.empty();
            }
        };
        entry.ends = FakeLogin.ends(calls);
    }

    private AuthenticationStatus complete(String id, String returnTo, boolean thisBrowser) {
        FakeHttp.Request request = new FakeHttp.Request().uri("/wxbind" + QrLoginCompleteEntry.PATH).param("id", id).param("returnTo", returnTo);
        if (thisBrowser) {
            request.cookie(new Cookie(BrowserBinding.COOKIE, BROWSER));
        }
        return entry.handle(request.build(), new FakeHttp.Response().build(), null);
    }

    @Test
    void matchesTheCompletionPathOnly() {
        assertTrue(entry.matches(new FakeHttp.Request().uri("/wxbind/wechat/qr-login/complete").build()));
        assertFalse(entry.matches(new FakeHttp.Request().uri("/wxbind/wechat/qr-login").build()));
    }

    @Test
    void handleWhenThisBrowsersSceneConfirmedThenLoggedInByQrToTheReturnUrl() {
        assertEquals(AuthenticationStatus.SUCCESS, complete("scene-1", "/wxbind/app/orders", true));
        assertEquals(List.of("consume scene-1", "login alice via WECHAT_QR to /wxbind/app/orders"), calls);
    }

    @Test
    void handleWhenOtherBrowserUnknownSceneOrForeignReturnUrlThenProblemAndNobodyLoggedIn() {
        complete("scene-1", "/wxbind/app/", false);
        complete("scene-2", "/wxbind/app/", true);
        complete("scene-1", "https://evil.example/", true);
        assertEquals(List.of("problem qr_login_invalid", "consume scene-2", "problem qr_login_invalid", "consume scene-1",
                "problem bad_return_url"), calls);
    }
}
