package io.wxbind.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.auth.flow.AuthorizationRequest;
import io.wxbind.auth.flow.CallbackResult;
import io.wxbind.auth.flow.Continuation;
import io.wxbind.auth.flow.LoginFlow;
import io.wxbind.testsupport.FakeHttp;
import io.wxbind.testsupport.FakeLogin;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The chat bind link as a login entry and its callback check, against doubles. */
class LinkLoginEntryTest {

    private static final String APP = "wx1a2b3c4d5e6f7a8b";
    private static final String RAW = "L".repeat(43);

    private final List<String> calls = new ArrayList<>();
    private LinkTicket stored;

    private final LinkLoginEntry entry = new LinkLoginEntry();

    LinkLoginEntryTest() {
        entry.links = new LinkTicketStore() {
            @Override
            public boolean isValid(String raw) {
                return RAW.equals(raw);
            }

            @Override
            public Optional<LinkTicket> takeByHash(String hash) {
                calls.add("take " + hash);
                return Optional.ofNullable(stored);
            }
        };
        entry.flow = new LoginFlow() {
            @Override
            public String start(HttpServletRequest request, HttpServletResponse response, String returnTo, Continuation continuation) {
                calls.add("start to " + returnTo + " continuing " + continuation);
                return "https://open.weixin.qq.com/authorize";
            }
        };
        entry.ends = FakeLogin.ends(calls);
    }

    private static CallbackResult.Identified identified(String appId, String openId) {
        Instant now = Instant.now();
        return new CallbackResult.Identified(new WeChatIdentity(appId, openId, null, null, null), null,
                new AuthorizationRequest("S", "b", APP, "snsapi_base", "cb", "/wxbind/app/", now, now.plusSeconds(600)));
    }

    private Optional<AuthenticationStatus> resume(CallbackResult.Identified identified) {
        return entry.resume(new FakeHttp.Request().build(), FakeLogin.context(calls), identified, "hash-of-link");
    }

    @Test
    void matchesTheLinkPathOnly() {
        assertTrue(entry.matches(new FakeHttp.Request().uri("/wxbind/wechat/link").build()));
        assertFalse(entry.matches(new FakeHttp.Request().uri("/wxbind/wechat/linked").build()));
    }

    @Test
    void handleWhenLinkValidThenSilentLoginRememberingTheTicketsHash() {
        AuthenticationStatus status = entry.handle(new FakeHttp.Request().uri("/wxbind/wechat/link").param("t", RAW).build(),
                new FakeHttp.Response().build(), FakeLogin.context(calls));
        assertEquals(AuthenticationStatus.SEND_CONTINUE, status);
        assertEquals(List.of("start to /wxbind/app/ continuing " + new Continuation("link", SecureTokens.sha256Hex(RAW)),
                "redirect https://open.weixin.qq.com/authorize"), calls);
    }

    @Test
    void handleWhenLinkUnknownOrExpiredThenLinkInvalidAndNoFlow() {
        entry.handle(new FakeHttp.Request().uri("/wxbind/wechat/link").param("t", "x").build(), new FakeHttp.Response().build(), FakeLogin.context(calls));
        assertEquals(List.of("problem link_invalid"), calls);
    }

    @Test
    void resumeWhenTheLinksOwnOpenIdThenTheLoginGoesOn() {
        stored = new LinkTicket("hash-of-link", APP, "o-owner", Instant.now(), Instant.now().plusSeconds(300));
        assertEquals(Optional.empty(), resume(identified(APP, "o-owner")));
        assertEquals(List.of("take hash-of-link"), calls);
    }

    @Test
    void resumeWhenSomeoneElseOrAnotherAppThenLinkNotYours() {
        stored = new LinkTicket("hash-of-link", APP, "o-owner", Instant.now(), Instant.now().plusSeconds(300));
        assertEquals(Optional.of(AuthenticationStatus.NOT_DONE), resume(identified(APP, "o-stranger")));
        assertEquals(Optional.of(AuthenticationStatus.NOT_DONE), resume(identified("wxOTHERAPP0000000", "o-owner")));
        assertEquals(List.of("take hash-of-link", "problem link_not_yours", "take hash-of-link", "problem link_not_yours"), calls);
    }

    @Test
    void resumeWhenTicketAlreadyTakenThenLinkInvalid() {
        assertEquals(Optional.of(AuthenticationStatus.NOT_DONE), resume(identified(APP, "o-owner")));
        assertEquals(List.of("take hash-of-link", "problem link_invalid"), calls);
    }
}
