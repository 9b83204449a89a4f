package io.wxbind.auth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.config.WeChatApp;
import io.wxbind.config.WeChatAppType;
import io.wxbind.config.WeChatApps;
import io.wxbind.config.WeChatConfig;
import io.wxbind.testsupport.FakeHttp;
import io.wxbind.testsupport.MutableClock;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.OAuthAccessToken;
import io.wxbind.wechat.WeChatApiClient;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatUnavailableException;
import io.wxbind.wechat.WeChatUserProfile;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flow steps 1-2 against cookies passed back by hand, an in-memory used-state store and a scripted WeChat. */
class LoginFlowTest {

    static final StateKey KEY = StateKey.of(Optional.empty(), "s3cret");

    private final MutableClock clock = new MutableClock();
    private final Set<String> used = new HashSet<>();
    private final AtomicInteger exchanges = new AtomicInteger();
    private final List<String> otherAppExchanges = new java.util.ArrayList<>();
    private RuntimeException nextFailure;
    private LoginFlow flow;

    @BeforeEach
    void setUp() {
        flow = new LoginFlow();
        flow.config = config("bind");
        flow.clock = clock;
        flow.key = KEY;
        flow.usedStates = new UsedStateStore() {
            @Override
            public boolean wasUsed(String stateHash) {
                return used.contains(stateHash);
            }

            @Override
            public boolean markUsed(String stateHash, Instant expiresAt) {
                return used.add(stateHash);
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
            public OAuthAccessToken exchangeCode(WeChatApp app, String code) {
                exchanges.incrementAndGet();
                otherAppExchanges.add(app.appId());
                return new OAuthAccessToken("AT", 7200, "RT", "oSITE_of_" + code, Set.of("snsapi_login"), "oUNION", false);
            }

            @Override
            public WeChatUserProfile userInfo(OAuthAccessToken token) {
                return new WeChatUserProfile(token.openId(), "Nick", "http://a/0", "oUNION");
            }
        };
    }

    @Test
    void startWhenCalledThenSignedStateBrowserAndPendingCookiesSetAndNothingStored() {
        FakeHttp.Response res = new FakeHttp.Response();
        String url = flow.start(new FakeHttp.Request().uri("/wxbind/app/").build(), res.build(), "/wxbind/app/");
        String state = stateOf(url);
        assertTrue(state.matches("[A-Za-z0-9]{66}"), state);
        assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS)),
                new SignedState(KEY).expiryOf(state));
        assertEquals(List.of(BrowserBinding.COOKIE, PendingLoginCookies.ENTRY_PREFIX + state.substring(0, 8), PendingLoginCookies.INDEX),
                res.cookies.stream().map(Cookie::getName).toList());
        Cookie pending = res.cookies.get(1);
        assertEquals("/wxbind/wechat/callback", pending.getPath());
        assertTrue(pending.isHttpOnly());
        assertEquals("Lax", pending.getAttribute("SameSite"));
        assertEquals(-1, pending.getMaxAge(), "a session cookie: the signed expiry decides");
        AuthorizationRequest r = new PendingLoginCodec(KEY).decode(pending.getValue(), state, clock.instant().plusSeconds(600),
                SecureTokens.sha256Hex(res.cookies.get(0).getValue())).orElseThrow();
        assertEquals("/wxbind/app/", r.returnTo());
        assertEquals("http://localhost:8080/wxbind/wechat/callback", r.redirectUri());
        assertTrue(used.isEmpty());
        assertEquals(0, exchanges.get());
    }

    @Test
    void completeWhenSameBrowserAndCodeThenIdentifiedAndExchangedOnce() {
        Started s = start();
        CallbackResult result = complete(s.callback().param("code", "C1"));
        CallbackResult.Identified id = assertInstanceOf(CallbackResult.Identified.class, result);
        assertEquals("oOPENID_of_C1", id.identity().openId());
        assertEquals("wx1a2b3c4d5e6f7a8b", id.identity().appId());
        assertEquals("/wxbind/app/", id.request().returnTo());
        assertEquals(1, exchanges.get());
    }

    @Test
    void completeWhenStateReplayedWithCopiedCookiesThenNotFoundAndNoSecondExchange() {
        Started s = start();
        flow.complete(s.callback().param("code", "C1").build(), new FakeHttp.Response().build());
        assertProblem(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, complete(s.callback().param("code", "C2")));
        assertEquals(1, exchanges.get());
        assertEquals(1, used.size());
    }

    @Test
    void completeWhenDoneThenPendingCookieClearedAndReplayWithoutItNotFound() {
        Started s = start();
        FakeHttp.Response res = new FakeHttp.Response();
        assertInstanceOf(CallbackResult.Identified.class, flow.complete(s.callback().param("code", "C1").build(), res.build()));
        Cookie cleared = res.cookies.stream().filter(c -> c.getName().startsWith(PendingLoginCookies.ENTRY_PREFIX)).findFirst()
                .orElseThrow();
        assertEquals(0, cleared.getMaxAge());
        var withoutEntry = new FakeHttp.Request().cookie(s.cookies().get(0)).param("state", s.state()).param("code", "C2");
        assertProblem(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, complete(withoutEntry));
        assertEquals(1, exchanges.get());
    }

    @Test
    void completeWhenTwoCallbacksRaceThenOnlyTheFirstToRecordTheStateWins() {
        Started s = start();
        flow.usedStates = new UsedStateStore() {
            @Override
            public boolean wasUsed(String stateHash) {
                return false; // both callbacks passed this check before either recorded the state
            }

            @Override
            public boolean markUsed(String stateHash, Instant expiresAt) {
                return used.add(stateHash);
            }
        };
        assertInstanceOf(CallbackResult.Identified.class, complete(s.callback().param("code", "C1")));
        assertProblem(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, complete(s.callback().param("code", "C2")));
    }

    @Test
    void completeWhenExpiredThenNotFoundWithoutExchange() {
        Started s = start();
        clock.advance(Duration.ofMinutes(10));
        assertProblem(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, complete(s.callback().param("code", "C1")));
        assertEquals(0, exchanges.get());
    }

    @Test
    void completeWhenOtherBrowserThenMismatchNothingRecordedAndOwnerStillCompletes() {
        Started s = start();
        Started other = start();
        var otherBrowser = other.browser().param("state", s.state()).param("code", "C1");
        assertProblem(FlowProblem.STATE_MISMATCH, complete(otherBrowser));
        // Nothing was written for the intruder, and the browser that started it can still finish.
        assertTrue(used.isEmpty());
        assertInstanceOf(CallbackResult.Identified.class, complete(s.callback().param("code", "C1")));
        assertEquals(1, exchanges.get());
    }

    @Test
    void completeWhenPendingCookieCopiedToAnotherBrowserThenMismatch() {
        Started s = start();
        Cookie entry = s.cookies().get(1);
        var thief = new FakeHttp.Request().cookie(new Cookie(BrowserBinding.COOKIE, SecureTokens.alphanumeric(43))).cookie(entry)
                .param("state", s.state()).param("code", "C1");
        assertProblem(FlowProblem.STATE_MISMATCH, complete(thief));
        assertEquals(0, exchanges.get());
    }

    @Test
    void completeWhenNoCookieThenMismatch() {
        Started s = start();
        assertProblem(FlowProblem.STATE_MISMATCH, complete(new FakeHttp.Request().param("state", s.state()).param("code", "C")));
    }

    @Test
    void completeWhenSignedUnderAnotherKeyThenNotFound() {
        Started s = start();
        flow.key = StateKey.of(Optional.of("a-rotated-state-key-of-32-characters"), "s3cret");
        assertProblem(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, complete(s.callback().param("code", "C1")));
        assertEquals(0, exchanges.get());
    }

    @Test
    void completeWhenStateMissingForgedOrMalformedThenClearProblems() {
        Started s = start();
        assertProblem(FlowProblem.STATE_MISSING, complete(s.browser().param("code", "C")));
        for (int length : new int[] {40, 66}) {
            var forged = s.browser().param("state", SecureTokens.alphanumeric(length)).param("code", "C");
            assertProblem(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, complete(forged));
        }
        String tampered = s.state().substring(0, 30) + (s.state().charAt(30) == '9' ? '8' : '9') + s.state().substring(31);
        assertProblem(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, complete(s.browser().param("state", tampered).param("code", "C")));
        assertProblem(FlowProblem.AUTHORIZATION_REQUEST_NOT_FOUND, complete(s.browser().param("state", "<script>").param("code", "C")));
        assertEquals(0, exchanges.get());
    }

    @Test
    void completeWhenNoCodeThenCodeMissingForBaseAndAccessDeniedForUserinfo() {
        assertProblem(FlowProblem.CODE_MISSING, complete(start().callback()));
        flow.config = config("register");
        assertProblem(FlowProblem.ACCESS_DENIED, complete(start().callback()));
        assertEquals(0, exchanges.get());
    }

    @Test
    void completeWhenWeChatErrorsThenMappedProblems() {
        nextFailure = new WeChatApiException("x", 40163, "code been used, rid: 1-2-3");
        assertProblem(FlowProblem.CODE_REJECTED, complete(start().callback().param("code", "C")));
        nextFailure = new WeChatApiException("x", 40029, "invalid code");
        assertProblem(FlowProblem.CODE_REJECTED, complete(start().callback().param("code", "C")));
        nextFailure = new WeChatApiException("x", -1, "system error");
        assertProblem(FlowProblem.WECHAT_UNAVAILABLE, complete(start().callback().param("code", "C")));
        nextFailure = new WeChatApiException("x", 40125, "invalid appsecret");
        assertProblem(FlowProblem.WECHAT_ERROR, complete(start().callback().param("code", "C")));
        nextFailure = new WeChatUnavailableException("timeout");
        assertProblem(FlowProblem.WECHAT_UNAVAILABLE, complete(start().callback().param("code", "C")));
    }

    @Test
    void completeWhenSnapshotUserThenRefused() {
        assertProblem(FlowProblem.SNAPSHOT_USER, complete(start().callback().param("code", "snapC")));
    }

    @Test
    void completeWhenOversizedCodeThenRejectedWithoutExchange() {
        assertProblem(FlowProblem.CODE_REJECTED, complete(start().callback().param("code", "x".repeat(600))));
        assertEquals(0, exchanges.get());
    }

    @Test
    void completeWhenCodeMissingOrRejectedThenNothingRecorded() {
        Started s = start();
        complete(s.callback());
        nextFailure = new WeChatApiException("x", 40029, "invalid code");
        complete(s.callback().param("code", "made-up"));
        assertTrue(used.isEmpty(), "only a code WeChat accepted records the state");
        nextFailure = null;
        assertInstanceOf(CallbackResult.Identified.class, complete(s.callback().param("code", "C1")));
    }

    @Test
    void startWhenWebsiteAppThenQrConnectWithLoginScopeAndCallbackExchangesWithThatApp() {
        flow.apps = WeChatApps.read(k -> Optional.ofNullable(Map.of("wechat.app-id", "wx1a2b3c4d5e6f7a8b", "wechat.app-secret", "s3cret",
                "wechat.apps", "wxSITE", "wechat.app.wxSITE.type", "website", "wechat.app.wxSITE.secret", "site-secret").get(k)));
        WeChatApp site = flow.apps.require("wxSITE", WeChatAppType.WEBSITE);
        FakeHttp.Response res = new FakeHttp.Response();
        String url = flow.start(new FakeHttp.Request().build(), res.build(), "/wxbind/app/", null, site);
        assertTrue(url.startsWith("https://open.weixin.qq.com/connect/qrconnect?appid=wxSITE&redirect_uri=http%3A%2F%2Flocalhost"), url);
        assertTrue(url.endsWith("&response_type=code&scope=snsapi_login&state=" + stateOf(url) + "#wechat_redirect"), url);
        Started s = new Started(stateOf(url), res.cookies);

        CallbackResult.Identified id = assertInstanceOf(CallbackResult.Identified.class, complete(s.callback().param("code", "Q1")));
        assertEquals("wxSITE", id.identity().appId());
        assertEquals("oSITE_of_Q1", id.identity().openId());
        assertEquals("oUNION", id.identity().unionId());
        assertEquals(List.of("wxSITE"), otherAppExchanges, "the website app's credentials, never the official account's");
    }

    @Test
    void completeWhenWebsiteLoginDeniedThenAccessDenied() {
        flow.apps = WeChatApps.read(k -> Optional.ofNullable(Map.of("wechat.app-id", "wx1a2b3c4d5e6f7a8b", "wechat.app-secret", "s3cret",
                "wechat.apps", "wxSITE", "wechat.app.wxSITE.type", "website", "wechat.app.wxSITE.secret", "site-secret").get(k)));
        FakeHttp.Response res = new FakeHttp.Response();
        String url = flow.start(new FakeHttp.Request().build(), res.build(), "/wxbind/app/", null, flow.apps.byId("wxSITE").orElseThrow());
        assertProblem(FlowProblem.ACCESS_DENIED, complete(new Started(stateOf(url), res.cookies).callback()));
        assertEquals(0, exchanges.get());
    }

    @Test
    void startWhenMiniProgramThenRefused() {
        flow.apps = WeChatApps.read(k -> Optional.ofNullable(Map.of("wechat.app-id", "wx1a2b3c4d5e6f7a8b", "wechat.app-secret", "s3cret",
                "wechat.apps", "wxMINI", "wechat.app.wxMINI.type", "miniprogram", "wechat.app.wxMINI.secret", "m").get(k)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> flow.start(new FakeHttp.Request().build(),
                new FakeHttp.Response().build(), "/wxbind/app/", null, flow.apps.byId("wxMINI").orElseThrow()));
    }

    private CallbackResult complete(FakeHttp.Request request) {
        return flow.complete(request.build(), new FakeHttp.Response().build());
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
        return WeChatConfig.read(k -> Optional.ofNullable(v.get(k)));
    }
}
