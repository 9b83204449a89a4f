package io.wxbind.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import io.wxbind.it.support.Capture;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WxJavaClients;
import io.wxbind.launch.WxBindStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import me.chanjar.weixin.common.bean.WxOAuth2UserInfo;
import me.chanjar.weixin.common.bean.oauth2.WxOAuth2AccessToken;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's mini-program and mobile-app login (protocol §3, §1.3) driven by unmodified
 * WxJava clients: {@code weixin-java-miniapp} for jscode2session and the phone number (its API
 * host is the simulator, its server token from cgi-bin/token as in WxJavaCompatibilityIT), {@code weixin-java-mp}'s OAuth2 service
 * for the mobile app's SDK code. The client side (wx.login, the phone button, the encrypted phone
 * data, the app SDK) is the simulator's control API. Calls WxJava has no method for (checksession
 * as documented, errcodes before WxJava's retries) go over plain HTTP.
 */
class SimulatorMiniProgramIT {

    private static final String MINI = "wx7e6d5c4b3a291807";
    private static final String MINI_SECRET = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String MOBILE = "wx3c5e7a9b1d2f4608";
    private static final String MOBILE_SECRET = "7f6e5d4c3b2a19080f1e2d3c4b5a6978";
    private static final String WEBSITE = "wx0f1e2d3c4b5a6978";
    private static final String OPEN_PLATFORM = "open-wxbind-demo";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static WxBindStack stack;
    private static SimControl sim;
    private static WxMaService mini;

    @BeforeAll
    static void wxJavaPointedAtSimulator() {
        stack = WxBindStack.shared();
        sim = new SimControl(stack.simulatorControlUrl());
        mini = WxJavaClients.miniProgram(stack, MINI, MINI_SECRET);
    }

    @AfterEach
    void clearLimitsAndFaults() {
        sim.send("DELETE", "/login-limits", null);
        sim.clearFaults("/api/sns/jscode2session");
    }

    @Test
    void getSessionInfoWhenWxLoginCodeThenAppsOpenIdUnionIdNewSessionKeyAndReuseIs40163() throws Exception {
        SimControl.SimPersonInfo person = sim.newPerson("小程序 用户");
        String code = client("login", MINI, person.id()).getString("code");

        WxMaJscode2SessionResult session = mini.getUserService().getSessionInfo(code);
        assertEquals(person.openIdFor(MINI), session.getOpenid());
        assertNotEquals(person.openIdFor(WxBindStack.APP_ID), session.getOpenid(), "openids are per app");
        assertEquals(person.unionIdFor(OPEN_PLATFORM), session.getUnionid());
        assertEquals(16, Base64.getDecoder().decode(rememberKey(session.getSessionKey())).length);

        WxErrorException reuse = assertThrows(WxErrorException.class, () -> mini.getUserService().getSessionInfo(code));
        assertEquals(40163, reuse.getError().getErrorCode());
        WxErrorException unknown = assertThrows(WxErrorException.class,
                () -> mini.getUserService().getSessionInfo("no-such-wx-login-code"));
        assertEquals(40029, unknown.getError().getErrorCode());

        String next = rememberKey(mini.getUserService().getSessionInfo(
                client("login", MINI, person.id()).getString("code")).getSessionKey());
        assertNotEquals(session.getSessionKey(), next, "each code brings a new session_key");
    }

    @Test
    void jscode2sessionWhenBadCredentialsOrBlockedOrLimitedOrBusyThenWeChatsErrcodes() throws Exception {
        SimControl.SimPersonInfo person = sim.newPerson("Risky User");
        String code = client("login", MINI, person.id()).getString("code");
        assertEquals(40125, jscode2session(MINI, "wrong-secret", code).getInt("errcode"));
        assertEquals(40013, jscode2session(WEBSITE, "9a8b7c6d5e4f30211203f4e5d6c7b8a9", code).getInt("errcode"));
        assertEquals(41008, jscode2session(MINI, MINI_SECRET, "").getInt("errcode"));

        addLimit(Json.createObjectBuilder().add("person", person.id()).add("blocked", true).build());
        WxErrorException blocked = assertThrows(WxErrorException.class, () -> mini.getUserService().getSessionInfo(code));
        assertEquals(40226, blocked.getError().getErrorCode());
        sim.send("DELETE", "/login-limits", null);
        addLimit(Json.createObjectBuilder().add("appid", MINI).add("perMinute", 0).build());
        assertEquals(45011, jscode2session(MINI, MINI_SECRET, code).getInt("errcode"));
        sim.send("DELETE", "/login-limits", null);

        sim.fault(Json.createObjectBuilder().add("path", "/api/sns/jscode2session").add("errcode", -1).add("count", 1).build());
        assertEquals(-1, jscode2session(MINI, MINI_SECRET, code).getInt("errcode"));
        JsonObject ok = jscode2session(MINI, MINI_SECRET, code);
        assertEquals(person.openIdFor(MINI), ok.getString("openid"), "refused calls left the code usable: " + ok);
        rememberKey(ok.getString("session_key"));
        assertTrue(!ok.containsKey("errcode") && !ok.containsKey("expires_in"), ok.toString());
    }

    @Test
    void getPhoneNoInfoWhenLegacyEncryptedDataThenWxJavaDecryptsThePersonsPhone() throws Exception {
        SimControl.SimPersonInfo person = sim.newPerson("Phone Legacy");
        assertEquals(409, sim.send("POST", "/client/encrypted-phone", target(MINI, person.id())).status(),
                "no session_key before the first login");
        setPhone(person.id(), "13912345678");
        String sessionKey = rememberKey(mini.getUserService()
                .getSessionInfo(client("login", MINI, person.id()).getString("code")).getSessionKey());

        JsonObject data = client("encrypted-phone", MINI, person.id());
        WxMaPhoneNumberInfo phone = mini.getUserService().getPhoneNoInfo(sessionKey, data.getString("encryptedData"),
                data.getString("iv"));
        assertEquals("13912345678", phone.getPhoneNumber());
        assertEquals("13912345678", phone.getPurePhoneNumber());
        assertEquals("86", phone.getCountryCode());
        assertEquals(MINI, phone.getWatermark().getAppid());
        long now = sim.clock().getJsonNumber("epochSeconds").longValue();
        assertTrue(Math.abs(now - Long.parseLong(phone.getWatermark().getTimestamp())) < 60, phone.getWatermark().getTimestamp());
    }

    @Test
    void getPhoneNumberWhenButtonCodeThenPhoneInfoOnceAndOnlyForItsOwner() throws Exception {
        SimControl.SimPersonInfo person = sim.newPerson("Phone Code");
        SimControl.SimPersonInfo other = sim.newPerson("Someone Else");
        JsonObject issued = client("phone-code", MINI, person.id());
        String code = issued.getString("code");

        String token = mini.getAccessToken();
        JsonObject foreign = phoneNumber(token, "{\"code\":\"" + code + "\",\"openid\":\"" + other.openIdFor(MINI) + "\"}");
        assertEquals(40029, foreign.getInt("errcode"), foreign.toString());
        assertEquals(47001, phoneNumber(token, "code=" + code).getInt("errcode"));

        WxMaPhoneNumberInfo phone = mini.getUserService().getPhoneNumber(code);
        assertEquals(issued.getString("phoneNumber"), phone.getPhoneNumber());
        assertTrue(phone.getPurePhoneNumber().matches("[0-9]{11}"), phone.getPurePhoneNumber());
        assertEquals("86", phone.getCountryCode());
        assertEquals(MINI, phone.getWatermark().getAppid());
        WxErrorException reuse = assertThrows(WxErrorException.class, () -> mini.getUserService().getPhoneNumber(code));
        assertEquals(40029, reuse.getError().getErrorCode());

        String own = client("phone-code", MINI, person.id()).getString("code");
        JsonObject withOpenId = phoneNumber(token, "{\"code\":\"" + own + "\",\"openid\":\"" + person.openIdFor(MINI) + "\"}");
        assertEquals(0, withOpenId.getInt("errcode"), withOpenId.toString());
        assertEquals(86, withOpenId.getJsonObject("phone_info").getInt("countryCode"));
    }

    @Test
    void checksessionWhenCurrentKeySignedThenOkAndAfterNewLoginThen87009() throws Exception {
        SimControl.SimPersonInfo person = sim.newPerson("Session Check");
        String first = rememberKey(mini.getUserService()
                .getSessionInfo(client("login", MINI, person.id()).getString("code")).getSessionKey());
        String token = mini.getAccessToken();
        assertEquals(0, checksession(token, person.openIdFor(MINI), hmac(first)).getInt("errcode"));

        rememberKey(mini.getUserService().getSessionInfo(client("login", MINI, person.id()).getString("code"))
                .getSessionKey());
        assertEquals(87009, checksession(token, person.openIdFor(MINI), hmac(first)).getInt("errcode"));
        assertEquals(40003, checksession(token, "o-not-of-this-app", hmac(first)).getInt("errcode"));
        assertEquals(40014, checksession("not-a-token", person.openIdFor(MINI), hmac(first)).getInt("errcode"));
    }

    @Test
    void mobileAppWhenSdkCodeThenWxJavaExchangesItAndReadsProfileWithTheSharedUnionId() throws Exception {
        SimControl.SimPersonInfo person = sim.newPerson("App User");
        JsonObject issued = client("login", MOBILE, person.id());
        assertEquals("sdk", issued.getString("kind"));
        WxMpService app = WxJavaClients.mp(stack, MOBILE, MOBILE_SECRET, false);

        WxOAuth2AccessToken token = app.getOAuth2Service().getAccessToken(issued.getString("code"));
        assertEquals(person.openIdFor(MOBILE), token.getOpenId());
        assertNotEquals(person.openIdFor(MINI), token.getOpenId());
        assertEquals(person.unionIdFor(OPEN_PLATFORM), token.getUnionId());
        WxOAuth2UserInfo profile = app.getOAuth2Service().getUserInfo(token, null);
        assertEquals("App User", profile.getNickname());
        assertEquals(person.unionIdFor(OPEN_PLATFORM), profile.getUnionId());

        WxErrorException reuse = assertThrows(WxErrorException.class,
                () -> app.getOAuth2Service().getAccessToken(issued.getString("code")));
        assertEquals(40163, reuse.getError().getErrorCode());
        String miniCode = client("login", MINI, person.id()).getString("code");
        WxErrorException wrongKind = assertThrows(WxErrorException.class,
                () -> app.getOAuth2Service().getAccessToken(miniCode));
        assertEquals(40029, wrongKind.getError().getErrorCode(), "a wx.login code is no OAuth code");
        assertEquals(400, sim.send("POST", "/client/phone-code", target(MOBILE, person.id())).status());
    }

    @Test
    void phoneAppsPageWhenOpenMiniProgramThenShowsAWorkingWxLoginCode() throws Exception {
        SimControl.SimPersonInfo person = sim.newPerson("Demo Phone");
        HttpRequest open = HttpRequest.newBuilder(URI.create(stack.simulatorUrl() + "phone/apps"))
                .timeout(Duration.ofSeconds(10)).header("X-WeChat-Sim-Person", person.id()).GET().build();
        Document page = Jsoup.parse(HTTP.send(open, HttpResponse.BodyHandlers.ofString()).body());
        assertTrue(page.getElementById("login-" + MINI) != null && page.getElementById("phone-" + MINI) != null
                && page.getElementById("login-" + MOBILE) != null, page.text());
        assertEquals("/wxbind/miniprogram.html?person=" + person.id(), page.getElementById("open-" + MINI).attr("href"),
                "the phone opens the demo's mini program as this person");
        assertEquals(null, page.getElementById("open-" + MOBILE), "no demo page plays the mobile app");

        HttpRequest tap = HttpRequest.newBuilder(URI.create(stack.simulatorUrl() + "phone/apps"))
                .timeout(Duration.ofSeconds(10)).header("X-WeChat-Sim-Person", person.id())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("appid=" + MINI + "&action=login")).build();
        HttpResponse<String> tapped = HTTP.send(tap, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, tapped.statusCode(), tapped.body());
        String code = Jsoup.parse(tapped.body()).getElementById("code").text();
        assertEquals(person.openIdFor(MINI), rememberKeyOf(mini.getUserService().getSessionInfo(code)).getOpenid());
    }

    /** A control call of WeChat's client ({@code /control/client/<action>}); 200 or 201 expected. */
    private static JsonObject client(String action, String appId, String personId) {
        SimControl.Answer answer = sim.send("POST", "/client/" + action, target(appId, personId));
        assertTrue(answer.status() == 200 || answer.status() == 201, answer.status() + " " + answer.body());
        return answer.json();
    }

    private static String target(String appId, String personId) {
        return Json.createObjectBuilder().add("appid", appId).add("person", personId).build().toString();
    }

    private static void addLimit(JsonObject rule) {
        SimControl.Answer answer = sim.send("POST", "/login-limits", rule.toString());
        assertEquals(201, answer.status(), answer.body());
    }

    private static void setPhone(String personId, String number) {
        SimControl.Answer answer = sim.send("PUT", "/people/" + personId + "/phone",
                Json.createObjectBuilder().add("purePhoneNumber", number).build().toString());
        assertEquals(200, answer.status(), answer.body());
    }

    /** The secret scan (ZzSecretScanIT) then checks that no session_key reached a log. */
    private static String rememberKey(String sessionKey) {
        Capture.rememberSecret("session_key", sessionKey);
        return sessionKey;
    }

    private static WxMaJscode2SessionResult rememberKeyOf(WxMaJscode2SessionResult session) {
        rememberKey(session.getSessionKey());
        return session;
    }

    private static String hmac(String sessionKey) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(new byte[0]));
    }

    private static JsonObject jscode2session(String appId, String secret, String code) throws Exception {
        return get("/sns/jscode2session?appid=" + appId + "&secret=" + enc(secret) + "&js_code=" + enc(code)
                + "&grant_type=authorization_code");
    }

    private static JsonObject checksession(String token, String openId, String signature) throws Exception {
        return get("/wxa/checksession?access_token=" + enc(token) + "&signature=" + signature + "&openid="
                + enc(openId) + "&sig_method=hmac_sha256");
    }

    private static JsonObject phoneNumber(String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.simulatorApiUrl()
                + "/wxa/business/getuserphonenumber?access_token=" + enc(token)))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return json(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static JsonObject get(String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.simulatorApiUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return json(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
