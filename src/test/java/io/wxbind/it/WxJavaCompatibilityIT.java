package io.wxbind.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WxJavaClients;
import io.wxbind.launch.WxBindStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.bean.WxOAuth2UserInfo;
import me.chanjar.weixin.common.bean.oauth2.WxOAuth2AccessToken;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.result.WxMpUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves that an unmodified WeChat SDK, WxJava ({@code weixin-java-mp}), works against the
 * simulator: the only change from production use is its host configuration ({@code WxMpHostConfig}
 * api/open/mp hosts). The browser step between WxJava's authorize URL and its code exchange is a
 * plain HTTP client carrying the simulator's person (and consent) test headers. WxJava's server
 * token for the official account uses {@code stable_token}, which hands out the token the app under
 * test may already hold instead of superseding it; {@code cgi-bin/token} and WxJava's
 * "refetch on 40001, retry once" are exercised on the mini program, which no other test uses.
 */
class WxJavaCompatibilityIT {

    private static final String OFFICIAL = "wx1a2b3c4d5e6f7a8b";
    private static final String OFFICIAL_SECRET = "5e1f0c3a9b7d4e2f8a6c1b3d5e7f9a0b";
    private static final String MINI = "wx7e6d5c4b3a291807";
    private static final String MINI_SECRET = WxBindStack.MINIPROGRAM_APP_SECRET;
    private static final String OPEN_PLATFORM = "open-wxbind-demo";
    private static final String REDIRECT = "https://app.example/wxjava/callback";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private static WxBindStack stack;
    private static SimControl sim;
    private static WxMpService official;

    @BeforeAll
    static void wxJavaPointedAtSimulator() {
        stack = WxBindStack.shared();
        sim = new SimControl(stack.simulatorControlUrl());
        official = WxJavaClients.mp(stack, OFFICIAL, OFFICIAL_SECRET, true);
    }

    @Test
    void oauth2WhenBaseScopeThenAuthorizeUrlGivesCodeAndAccessTokenAndReuseIs40163() throws Exception {
        SimControl.SimPersonInfo person = sim.newPerson("WxJava Base");
        String url = official.getOAuth2Service().buildAuthorizationUrl(REDIRECT, WxConsts.OAuth2Scope.SNSAPI_BASE, "wxj1");
        assertTrue(url.startsWith(stack.simulatorOpenUrl() + "/connect/oauth2/authorize?appid=" + OFFICIAL), url);
        assertTrue(url.endsWith("#wechat_redirect"), url);

        String code = browse(url, person.id(), null);
        WxOAuth2AccessToken token = official.getOAuth2Service().getAccessToken(code);
        assertEquals(person.openIdFor(OFFICIAL), token.getOpenId());
        assertEquals(WxConsts.OAuth2Scope.SNSAPI_BASE, token.getScope());
        assertEquals(7200, token.getExpiresIn());
        assertFalse(token.getRefreshToken().isEmpty());
        assertNull(token.getUnionId());

        WxErrorException reuse = assertThrows(WxErrorException.class, () -> official.getOAuth2Service().getAccessToken(code));
        assertEquals(40163, reuse.getError().getErrorCode());
        WxErrorException wrong = assertThrows(WxErrorException.class,
                () -> official.getOAuth2Service().getAccessToken("no-such-code-for-wxjava"));
        assertEquals(40029, wrong.getError().getErrorCode());
    }

    @Test
    void oauth2WhenUserinfoScopeAndConsentThenGetUserInfoReadsProfile() throws Exception {
        SimControl.SimPersonInfo person = sim.newPerson("WxJava 用户");
        String url = official.getOAuth2Service().buildAuthorizationUrl(REDIRECT, WxConsts.OAuth2Scope.SNSAPI_USERINFO, "wxj2");
        WxOAuth2AccessToken token = official.getOAuth2Service().getAccessToken(browse(url, person.id(), "allow"));
        assertEquals(person.unionIdFor(OPEN_PLATFORM), token.getUnionId());

        WxOAuth2UserInfo profile = official.getOAuth2Service().getUserInfo(token, null);
        assertEquals("WxJava 用户", profile.getNickname());
        assertEquals(person.openIdFor(OFFICIAL), profile.getOpenid());
        assertEquals(person.unionIdFor(OPEN_PLATFORM), profile.getUnionId());
        assertTrue(profile.getHeadImgUrl().startsWith("http"), profile.getHeadImgUrl());
    }

    @Test
    void serverTokenWhenStableThenUserServiceReadsFollower() throws Exception {
        SimControl.SimPersonInfo person = sim.newPerson("WxJava Follower");
        sim.follow(person.id(), OFFICIAL);
        long before = sim.clock().getJsonNumber("epochSeconds").longValue() * 1000;
        assertFalse(official.getAccessToken().isBlank());
        assertTrue(sim.tokens(OFFICIAL).getJsonArray("tokens").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("kind").equals("stable") && !e.getBoolean("forceRefresh")
                        && e.getJsonNumber("issuedAt").longValue() >= before),
                "WxJava fetched its token through stable_token");

        WxMpUser user = official.getUserService().userInfo(person.openIdFor(OFFICIAL));
        assertTrue(user.getSubscribe());
        assertEquals(person.openIdFor(OFFICIAL), user.getOpenId());
        assertEquals(person.unionIdFor(OPEN_PLATFORM), user.getUnionId());
        WxErrorException foreign = assertThrows(WxErrorException.class,
                () -> official.getUserService().userInfo("o-not-an-openid-of-this-app"));
        assertEquals(40003, foreign.getError().getErrorCode());
    }

    @Test
    void serverTokenWhenCgiBinTokenAnd40001ThenWxJavaRefetchesAndRetriesOnce() throws Exception {
        WxMpService mini = WxJavaClients.mp(stack, MINI, MINI_SECRET, false);
        String first = mini.getAccessToken();
        sim.clearTokens(MINI);
        long calls = sim.calls("/api/cgi-bin/get_api_domain_ip", MINI);
        sim.fault(Json.createObjectBuilder().add("path", "/api/cgi-bin/get_api_domain_ip").add("errcode", 40001)
                .add("count", 1).build());

        String answer = mini.get(stack.simulatorApiUrl() + "/cgi-bin/get_api_domain_ip", null);
        JsonObject json = Json.createReader(new StringReader(answer)).readObject();
        assertFalse(json.getJsonArray("ip_list").isEmpty(), answer);
        assertNotEquals(first, mini.getWxMpConfigStorage().getAccessToken(), "WxJava fetched a new token");
        List<JsonObject> issued = sim.tokens(MINI).getJsonArray("tokens").getValuesAs(JsonObject.class);
        assertEquals(1, issued.size(), issued.toString());
        assertEquals("client_credential", issued.get(0).getString("kind"));
        assertEquals(calls + 2, sim.calls("/api/cgi-bin/get_api_domain_ip", MINI), "one failure, one retry");
    }

    @Test
    void warsWhenPackagedThenContainNoWxJava() throws IOException {
        Path build = Path.of(System.getProperty("wxbind.build.dir", "target"));
        for (String war : List.of("wxbind.war", "wxbind-simulator.war")) {
            Path file = build.resolve(war);
            assertTrue(Files.isRegularFile(file), file + " missing");
            try (ZipFile zip = new ZipFile(file.toFile())) {
                List<String> leaked = zip.stream().map(e -> e.getName())
                        .filter(n -> n.contains("weixin-java") || n.startsWith("WEB-INF/classes/me/chanjar")).toList();
                assertTrue(leaked.isEmpty(), war + " contains " + leaked);
            }
        }
    }

    /** The browser step: open WxJava's authorize URL as {@code personId}; returns the code in the 302. */
    private static String browse(String authorizeUrl, String personId, String consent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(authorizeUrl.substring(0, authorizeUrl.indexOf('#'))))
                .timeout(Duration.ofSeconds(10)).header("X-WeChat-Sim-Person", personId).GET();
        if (consent != null) {
            request.header("X-WeChat-Sim-Consent", consent);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(REDIRECT + "?code="), location);
        Matcher m = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertTrue(m.find(), location);
        return m.group(1);
    }
}
