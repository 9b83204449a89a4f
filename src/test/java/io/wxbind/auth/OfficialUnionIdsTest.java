package io.wxbind.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wxbind.account.AccountBindingService;
import io.wxbind.auth.flow.AuthorizationRequest;
import io.wxbind.auth.flow.CallbackResult;
import io.wxbind.auth.flow.Continuation;
import io.wxbind.auth.flow.LoginFlow;
import io.wxbind.config.UnionIdConfig;
import io.wxbind.config.WeChatApps;
import io.wxbind.config.WeChatConfig;
import io.wxbind.testsupport.FakeHttp;
import io.wxbind.wechat.OAuthAccessToken;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Step 2b's decisions (issue 12 points 5 and 6): when the official account asks WeChat for a
 * unionid, how (user/info, then at most one snsapi_userinfo consent), and when never.
 */
class OfficialUnionIdsTest {

    private static final String OA = "wx1a2b3c4d5e6f7a8b";
    private static final String WEBSITE = "wx0f1e2d3c4b5a6978";
    private static final String OPEN_ID = "o-oa-person";

    private final List<String> calls = new ArrayList<>();
    /** Bound openids: whether the binding has its unionid. */
    private final Map<String, Boolean> bound = new HashMap<>();
    /** Followers' unionids by openid (cgi-bin/user/info). */
    private final Map<String, String> followers = new HashMap<>();
    private final OfficialUnionIds step = new OfficialUnionIds();

    OfficialUnionIdsTest() {
        apps("open-wxbind-demo");
        step.bindings = new AccountBindingService() {
            @Override
            public boolean lacksUnionId(String appId, String openId) {
                return !bound.getOrDefault(appId + "/" + openId, false);
            }
        };
        step.followers = (appId, openId) -> {
            calls.add("user/info " + appId + " " + openId);
            return Optional.ofNullable(followers.get(openId));
        };
        step.flow = new LoginFlow() {
            @Override
            public String start(HttpServletRequest request, HttpServletResponse response, String returnTo, Continuation continuation,
                    String scope) {
                calls.add("start " + scope + " to " + returnTo + (continuation == null ? "" : " continuing " + continuation.kind()));
                return "https://open.example/connect/oauth2/authorize?scope=" + scope;
            }
        };
    }

    private void apps(String openPlatform) {
        Map<String, String> raw = new HashMap<>(Map.of("wechat.app-id", OA, "wechat.app-secret", "s", "wechat.apps", WEBSITE,
                "wechat.app." + WEBSITE + ".type", "website", "wechat.app." + WEBSITE + ".secret", "w",
                "wechat.app." + WEBSITE + ".open-platform", "open-wxbind-demo"));
        if (openPlatform != null) {
            raw.put("wechat.open-platform", openPlatform);
        }
        step.apps = WeChatApps.read(k -> Optional.ofNullable(raw.get(k)));
    }

    private static CallbackResult.Identified login(String appId, String unionId, String scope, Continuation continuation) {
        Instant now = Instant.now();
        AuthorizationRequest request = new AuthorizationRequest("S", "b", appId, scope, "https://site.example/wxbind/wechat/callback",
                "/wxbind/app/", now, now.plusSeconds(600)).continuing(continuation);
        OAuthAccessToken token = new OAuthAccessToken("at", 7200, "rt", OPEN_ID, Set.of(scope), unionId, false);
        return new CallbackResult.Identified(new WeChatIdentity(appId, OPEN_ID, unionId, null, null), token, request);
    }

    private static CallbackResult.Identified base() {
        return login(OA, null, WeChatConfig.SCOPE_BASE, null);
    }

    private OfficialUnionIds.Step complete(CallbackResult.Identified identified) {
        return step.complete(new FakeHttp.Request().uri("/wxbind/wechat/callback").build(), new FakeHttp.Response().build(), identified);
    }

    private String unionIdOf(OfficialUnionIds.Step result) {
        return assertInstanceOf(OfficialUnionIds.Known.class, result).identified().identity().unionId();
    }

    @Test
    void completeWhenFollowerThenUnionIdByUserInfoAndNoConsent() {
        followers.put(OPEN_ID, "u-1");
        assertEquals("u-1", unionIdOf(complete(base())));
        assertEquals(List.of("user/info " + OA + " " + OPEN_ID), calls);
    }

    @Test
    void completeWhenNotAFollowerThenOneUserInfoAuthorizationToTheSameReturnUrl() {
        OfficialUnionIds.Step result = complete(base());
        assertEquals("https://open.example/connect/oauth2/authorize?scope=snsapi_userinfo",
                assertInstanceOf(OfficialUnionIds.Ask.class, result).authorizeUrl());
        assertEquals(List.of("user/info " + OA + " " + OPEN_ID, "start snsapi_userinfo to /wxbind/app/"), calls);
    }

    @Test
    void completeWhenThisLoginWasTheUserInfoOneThenNeverAskedAgainEvenWithoutUnionId() {
        assertNull(unionIdOf(complete(login(OA, null, WeChatConfig.SCOPE_USERINFO, null))));
        assertEquals(List.of(), calls, "no user/info and no second consent: the escalation happens once");
    }

    @Test
    void completeWhenTheExchangeGaveTheUnionIdThenNothingAsked() {
        assertEquals("u-2", unionIdOf(complete(login(OA, "u-2", WeChatConfig.SCOPE_USERINFO, null))));
        assertEquals(List.of(), calls);
    }

    @Test
    void completeWhenBoundWithUnionIdThenOneCodeExchangeOnly() {
        bound.put(OA + "/" + OPEN_ID, true);
        assertNull(unionIdOf(complete(base())));
        assertEquals(List.of(), calls, "a silent login of a bound person costs no WeChat call beyond the exchange");
    }

    @Test
    void completeWhenBoundWithoutUnionIdThenLookedUpToAttachIt() {
        bound.put(OA + "/" + OPEN_ID, false);
        followers.put(OPEN_ID, "u-3");
        assertEquals("u-3", unionIdOf(complete(base())));
        bound.clear();
        calls.clear();
        bound.put(OA + "/" + OPEN_ID, false);
        followers.clear();
        assertInstanceOf(OfficialUnionIds.Ask.class, complete(base()), "not a follower: the consent gives it");
    }

    @Test
    void completeWhenNoOpenPlatformThenNeverAsked() {
        apps(null);
        assertNull(unionIdOf(complete(base())));
        assertEquals(List.of(), calls);
    }

    @Test
    void completeWhenNotTheOfficialAccountThenNeverAsked() {
        assertNull(unionIdOf(complete(login(WEBSITE, null, WeChatConfig.SCOPE_BASE, null))));
        assertEquals(List.of(), calls);
    }

    @Test
    void completeWhenModeOffThenNeverAsked() {
        step.settings = new UnionIdConfig(UnionIdConfig.Mode.OFF);
        assertNull(unionIdOf(complete(base())));
        assertEquals(List.of(), calls);
    }

    @Test
    void completeWhenModeFollowersThenUserInfoButNeverAConsentPage() {
        step.settings = new UnionIdConfig(UnionIdConfig.Mode.FOLLOWERS);
        assertNull(unionIdOf(complete(base())));
        assertEquals(List.of("user/info " + OA + " " + OPEN_ID), calls);
    }

    @Test
    void completeWhenAFeatureStartedTheLoginThenNoConsentThatWouldLoseItsContinuation() {
        assertNull(unionIdOf(complete(login(OA, null, WeChatConfig.SCOPE_BASE, new Continuation("link", "h")))));
        assertEquals(List.of("user/info " + OA + " " + OPEN_ID), calls);
    }

    @Test
    void readWhenValuesThenModesOrOneProblem() {
        List<String> problems = new ArrayList<>();
        assertEquals(UnionIdConfig.Mode.CONSENT, UnionIdConfig.read(k -> Optional.empty(), problems).mode());
        assertEquals(UnionIdConfig.Mode.FOLLOWERS, UnionIdConfig.read(k -> Optional.of(" Followers "), problems).mode());
        assertEquals(UnionIdConfig.Mode.OFF, UnionIdConfig.read(k -> Optional.of("off"), problems).mode());
        assertEquals(List.of(), problems);
        UnionIdConfig.read(k -> Optional.of("always"), problems);
        assertEquals(List.of("wechat.unionid-lookup: must be 'consent', 'followers' or 'off', was 'always'"), problems);
    }
}
