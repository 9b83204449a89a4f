package io.wxbind.auth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.config.WeChatConfig;
import io.wxbind.config.WeChatConfigProducer;
import io.wxbind.testsupport.FakeHttp;
import io.wxbind.testsupport.MutableClock;
import io.wxbind.wechat.OAuthAccessToken;
import io.wxbind.wechat.WeChatApiClient;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatUnavailableException;
import io.wxbind.wechat.WeChatUserProfile;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flow steps 1-2 against an in-memory store and a scripted WeChat. */
class LoginFlowTest {

    private final MutableClock clock = new MutableClock();
    private final Map<String, AuthorizationRequest> saved = new HashMap<>();
    private final AtomicInteger exchanges = new AtomicInteger();
    private RuntimeException nextFailure;
    private LoginFlow flow;

    @BeforeEach
    void setUp() {
        flow = new LoginFlow();
        flow.config = config("bind");
        flow.clock = clock;
        flow.requests = new AuthorizationRequestStore() {
            @Override
            public void save(AuthorizationRequest r) {
                saved.put(r.state(), r);
            }

            @Override
            public Optional<AuthorizationRequest> take(String state) {
                return Optional.ofNullable(saved.remove(state));
            }
        };
        flow.wechat = new WeChatApiClient() {
            @Override
            public OAuthAccessToken exchangeCode(String code) {
                exchanges.incrementAndGet();
                if (nextFailure != null) {
                    throw nextFailure;
                }
                return new OAuthAccessToken("AT", 7200, "RT", "oOPENID_of_" + code, Set.of("snsapi_base"), null, code.startsWith("snap"));
            }

            @Override
            public WeChatUserProfile userInfo(OAuthAccessToken token) {
                return new WeChatUserProfile(token.openId(), "Nick", "http://a/0", "oUNION");
            }
        };
    }

    @Test
    void startWhenCalledThenStateSavedBrowserCookieSetAndUrlCarriesState() {
        FakeHttp.Response res = new FakeHttp.Response();
        String url = flow.start(new FakeHttp.Request().uri("/wxbind/app/").build(), res.build(), "/wxbind/app/");
        String state = stateOf(url);
        assertTrue(state.matches("[A-Za-z0-9]{40}"), state);
        AuthorizationRequest r = saved.get(state);
        assertEquals("/wxbind/app/", r.returnTo());
        assertEquals("http://localhost:8080/wxbind/wechat/callback", r.redirectUri());
        assertEquals(1, res.cookies.size());
        assertEquals(SecureTokens.sha256Hex(res.cookies.get(0).getValue()), r.browserHash());
        assertTrue(res.cookies.get(0).isHttpOnly());
    }

    @Test
    void completeWhenSameBrowserAndCodeThenIdentifiedAndExchangedOnce() {
        Started s = start();
        CallbackResult result = flow.complete(s.callback().param("code", "C1").build());
        CallbackResult.Identified id = assertInstanceOf(CallbackResult.Identified.class, result);
        assertEquals("oOPENID_of_C1", id.identity().openId());
        assertEquals("wx1a2b3c4d5e6f7a8b", id.identity().appId());
        assertEquals("/wxbind/app/", id.request().returnTo());
        assertEquals(1, exchanges.get());
    }

    @Test
    void completeWhenStateReplayedThenNotFoundAndNoSecondExchange() {
        Started s = start();
        flow.complete(s.callback().param("code", "C1").build());
        assertProblem(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, flow.complete(s.callback().param("code", "C1").build()));
        assertEquals(1, exchanges.get());
    }

    @Test
    void completeWhenExpiredThenNotFoundWithoutExchange() {
        Started s = start();
        clock.advance(Duration.ofMinutes(10));
        assertProblem(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, flow.complete(s.callback().param("code", "C1").build()));
        assertEquals(0, exchanges.get());
    }

    @Test
    void completeWhenOtherBrowserThenMismatchAndStateBurnt() {
        Started s = start();
        var otherBrowser = new FakeHttp.Request().param("state", s.state()).param("code", "C1")
                .cookie(new Cookie(BrowserBinding.COOKIE, SecureTokens.alphanumeric(43)));
        assertProblem(FlowProblem.STATE_MISMATCH, flow.complete(otherBrowser.build()));
        // The state was taken by the failed attempt: even the right browser cannot use it now.
        assertProblem(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, flow.complete(s.callback().param("code", "C1").build()));
        assertEquals(0, exchanges.get());
    }

    @Test
    void completeWhenNoCookieThenMismatch() {
        Started s = start();
        assertProblem(FlowProblem.STATE_MISMATCH, flow.complete(new FakeHttp.Request().param("state", s.state()).param("code", "C").build()));
    }

    @Test
    void completeWhenStateMissingForgedOrMalformedThenClearProblems() {
        Started s = start();
        assertProblem(FlowProblem.STATE_MISSING, flow.complete(s.browser().param("code", "C").build()));
        assertProblem(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND,
                flow.complete(s.browser().param("state", SecureTokens.alphanumeric(40)).param("code", "C").build()));
        assertProblem(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND,
                flow.complete(s.browser().param("state", "<script>").param("code", "C").build()));
        assertEquals(0, exchanges.get());
    }

    @Test
    void completeWhenNoCodeThenCodeMissingForBaseAndAccessDeniedForUserinfo() {
        assertProblem(FlowProblem.CODE_MISSING, flow.complete(start().callback().build()));
        flow.config = config("register");
        assertProblem(FlowProblem.ACCESS_DENIED, flow.complete(start().callback().build()));
        assertEquals(0, exchanges.get());
    }

    @Test
    void completeWhenWeChatErrorsThenMappedProblems() {
        nextFailure = new WeChatApiException("x", 40163, "code been used, rid: 1-2-3");
        assertProblem(FlowProblem.CODE_REJECTED, flow.complete(start().callback().param("code", "C").build()));
        nextFailure = new WeChatApiException("x", 40029, "invalid code");
        assertProblem(FlowProblem.CODE_REJECTED, flow.complete(start().callback().param("code", "C").build()));
        nextFailure = new WeChatApiException("x", -1, "system error");
        assertProblem(FlowProblem.WECHAT_UNAVAILABLE, flow.complete(start().callback().param("code", "C").build()));
        nextFailure = new WeChatApiException("x", 40125, "invalid appsecret");
        assertProblem(FlowProblem.WECHAT_ERROR, flow.complete(start().callback().param("code", "C").build()));
        nextFailure = new WeChatUnavailableException("timeout");
        assertProblem(FlowProblem.WECHAT_UNAVAILABLE, flow.complete(start().callback().param("code", "C").build()));
    }

    @Test
    void completeWhenSnapshotUserThenRefused() {
        assertProblem(FlowProblem.SNAPSHOT_USER, flow.complete(start().callback().param("code", "snapC").build()));
    }

    @Test
    void completeWhenOversizedCodeThenRejectedWithoutExchange() {
        assertProblem(FlowProblem.CODE_REJECTED, flow.complete(start().callback().param("code", "x".repeat(600)).build()));
        assertEquals(0, exchanges.get());
    }

    private Started start() {
        FakeHttp.Response res = new FakeHttp.Response();
        String url = flow.start(new FakeHttp.Request().build(), res.build(), "/wxbind/app/");
        return new Started(stateOf(url), res.cookies);
    }

    private record Started(String state, List<Cookie> cookies) {
        FakeHttp.Request browser() {
            return new FakeHttp.Request().cookies(cookies);
        }

        FakeHttp.Request callback() {
            return browser().param("state", state);
        }
    }

    private static void assertProblem(FlowProblem expected, CallbackResult result) {
        CallbackResult.Failed failed = assertInstanceOf(CallbackResult.Failed.class, result);
        assertEquals(expected, failed.problem());
    }

    private static String stateOf(String url) {
        Matcher m = Pattern.compile("[?&]state=([^&#]+)").matcher(url);
        assertTrue(m.find(), url);
        return m.group(1);
    }

    static WeChatConfig config(String policy) {
        Map<String, String> v = Map.of("wechat.app-id", "wx1a2b3c4d5e6f7a8b", "wechat.app-secret", "s3cret",
                "wechat.first-login", policy);
        return WeChatConfigProducer.read(k -> Optional.ofNullable(v.get(k)));
    }
}
