package io.wxbind.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wxbind.auth.flow.AuthorizationRequest;
import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.auth.flow.CallbackResult;
import io.wxbind.auth.flow.Continuation;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.flow.LoginFlow;
import io.wxbind.testsupport.FakeHttp;
import io.wxbind.testsupport.FakeLogin;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The QR confirm link as a login entry, its callback continuation, and the same check for a phone that has a session. */
class QrConfirmEntryTest {

    private static final String APP = "wx1a2b3c4d5e6f7a8b";
    private static final String RAW = "Q".repeat(43);
    private static final String BROWSER = "B".repeat(43);

    private final List<String> calls = new ArrayList<>();
    private QrConfirmService.Verification verification = new QrConfirmService.Verification.Verified("scene-1");
    private CallbackResult callback;

    private final QrConfirmEntry entry = new QrConfirmEntry();

    QrConfirmEntryTest() {
        entry.confirms = new QrConfirmService() {
            @Override
            public boolean isValidTicket(String raw) {
                return RAW.equals(raw);
            }

            @Override
            public Verification verify(String ticketHash, String appId, String openId, String browserHash) {
                calls.add("verify " + ticketHash + " " + openId + " in " + (browserHash == null ? "no browser" : "this browser"));
                return verification;
            }
        };
        entry.flow = new LoginFlow() {
            @Override
            public String start(HttpServletRequest request, HttpServletResponse response, String returnTo, Continuation continuation) {
                calls.add("start to " + returnTo + " continuing " + continuation);
                return "https://open.weixin.qq.com/authorize";
            }

            @Override
            public CallbackResult complete(HttpServletRequest request, HttpServletResponse response) {
                return callback;
            }
        };
        entry.ends = FakeLogin.ends(calls);
    }

    private static HttpServletRequest phone() {
        return new FakeHttp.Request().uri("/wxbind/wechat/callback").cookie(new Cookie(BrowserBinding.COOKIE, BROWSER)).build();
    }

    private static CallbackResult.Identified identified(Continuation continuation) {
        Instant now = Instant.now();
        return new CallbackResult.Identified(new WeChatIdentity(APP, "o-scanner", null, null, null), null,
                new AuthorizationRequest("S", "b", APP, "snsapi_base", "cb", "/wxbind/app/", now, now.plusSeconds(600))
                        .continuing(continuation));
    }

    @Test
    void handleWhenTicketUsableThenSilentLoginRememberingItsHashElseConfirmInvalid() {
        entry.handle(new FakeHttp.Request().uri("/wxbind/wechat/qr-confirm").param("t", RAW).build(), new FakeHttp.Response().build(),
                FakeLogin.context(calls));
        entry.handle(new FakeHttp.Request().uri("/wxbind/wechat/qr-confirm").param("t", "used").build(), new FakeHttp.Response().build(),
                FakeLogin.context(calls));
        assertEquals(List.of("start to /wxbind/ continuing " + new Continuation("qr-confirm", SecureTokens.sha256Hex(RAW)),
                "redirect https://open.weixin.qq.com/authorize", "problem qr_confirm_invalid"), calls);
    }

    @Test
    void resumeWhenScannerVerifiedThenTheAnswerPageAndNeverTheUsualLogin() {
        Optional<AuthenticationStatus> answer = entry.resume(phone(), FakeLogin.context(calls), identified(null), "hash-of-confirm");
        assertEquals(Optional.of(AuthenticationStatus.SEND_CONTINUE), answer);
        assertEquals(List.of("verify hash-of-confirm o-scanner in this browser", "redirect /wxbind/wechat/qr-confirm/answer?id=scene-1"),
                calls);
    }

    @Test
    void resumeWhenNotTheScannerOrNoLongerValidThenTheirProblems() {
        verification = new QrConfirmService.Verification.NotYours();
        assertEquals(Optional.of(AuthenticationStatus.NOT_DONE), entry.resume(phone(), FakeLogin.context(calls), identified(null), "h"));
        verification = new QrConfirmService.Verification.Invalid();
        assertEquals(Optional.of(AuthenticationStatus.NOT_DONE), entry.resume(phone(), FakeLogin.context(calls), identified(null), "h"));
        assertEquals(List.of("verify h o-scanner in this browser", "problem qr_confirm_not_yours", "verify h o-scanner in this browser",
                "problem qr_confirm_invalid"), calls);
    }

    @Test
    void callbackWithSessionWhenConfirmThenItsVerdictElseOnAsBefore() {
        callback = identified(new Continuation("qr-confirm", "hash-of-confirm"));
        assertEquals(new QrConfirmEntry.Verdict("/wxbind/wechat/qr-confirm/answer?id=scene-1", null), entry.callbackWithSession(phone(),
                new FakeHttp.Response().build()));
        callback = identified(new Continuation("link", "hash-of-link"));
        assertEquals(new QrConfirmEntry.Verdict("/wxbind/app/", null), entry.callbackWithSession(phone(), new FakeHttp.Response().build()),
                "another feature's login: a logged-in browser goes to its return URL");
        callback = new CallbackResult.Failed(FlowProblem.STATE_MISMATCH, "x");
        assertEquals(new QrConfirmEntry.Verdict("/wxbind/", null), entry.callbackWithSession(phone(), new FakeHttp.Response().build()));
        assertEquals(List.of("verify hash-of-confirm o-scanner in this browser"), calls);
    }
}
