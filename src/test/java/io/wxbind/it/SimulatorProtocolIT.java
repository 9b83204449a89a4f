package io.wxbind.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.SimControl;
import io.wxbind.launch.WxBindStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Simulator self-test (STYLE §9.3): the WeChat simulator alone, over real HTTP, checked against
 * the protocol reference before other tests rely on it. It shares the simulator with the other
 * ITs and the app under test, so it never resets it: it creates its own people, runs destructive
 * server-token checks only on the mini program (the app under test uses the official account),
 * and puts back the token settings and clock offset it changed.
 */
class SimulatorProtocolIT {

    private static final String OFFICIAL = WxBindStack.APP_ID;
    private static final String OFFICIAL_SECRET = WxBindStack.APP_SECRET;
    private static final String MINI = "wx7e6d5c4b3a291807";
    private static final String MINI_SECRET = WxBindStack.MINIPROGRAM_APP_SECRET;
    private static final String OPEN_PLATFORM = "open-wxbind-demo";
    private static final String REDIRECT = "https://app.example/wechat/callback";
    private static final Pattern RID = Pattern.compile(".+, rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}");
    private static final String JSON_TYPE = "application/json; encoding=utf-8";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private static WxBindStack stack;
    private static SimControl sim;
    private static JsonObject savedMiniSettings;
    private static int savedClockOffset;

    @BeforeAll
    static void saveSimulatorState() {
        stack = WxBindStack.shared();
        sim = new SimControl(stack.simulatorControlUrl());
        savedMiniSettings = sim.tokenSettings(MINI);
        savedClockOffset = sim.clock().getInt("offsetSeconds");
    }

    /** Every test starts from the settings this class found, even after a failed test. */
    @BeforeEach
    void startFromSavedSettings() {
        sim.updateTokenSettings(MINI, savedMiniSettings);
    }

    @AfterAll
    static void restoreSimulatorState() {
        sim.updateTokenSettings(MINI, savedMiniSettings);
        sim.setClockOffset(savedClockOffset);
    }

    @Test
    void authorizeWhenPersonHeaderThenCodeExchangesOnceAndReuseGives40163() {
        SimControl.SimPersonInfo person = sim.newPerson("Protocol Base");
        String code = code(person.id(), "snsapi_base", Map.of());
        Reply exchanged = exchange(OFFICIAL_SECRET, code);
        JsonObject token = exchanged.json();
        assertEquals(person.openIdFor(OFFICIAL), token.getString("openid"), exchanged.body());
        assertEquals("snsapi_base", token.getString("scope"));
        assertEquals(7200, token.getInt("expires_in"));
        assertFalse(token.getString("access_token").isEmpty());
        assertFalse(token.getString("refresh_token").isEmpty());
        assertFalse(token.containsKey("unionid"), "snsapi_base returns no unionid (§1.3)");
        assertError(exchange(OFFICIAL_SECRET, code), 40163);
    }

    @Test
    void exchangeWhenCodeUnknownOrSecretWrongThen40029Or40125() {
        assertError(exchange(OFFICIAL_SECRET, "no-such-code-0123456789"), 40029);
        String code = code(sim.newPerson("Protocol Secret").id(), "snsapi_base", Map.of());
        assertError(exchange("0".repeat(32), code), 40125);
        assertEquals(200, exchange(OFFICIAL_SECRET, code).status(), "a rejected secret does not use the code up");
    }

    @Test
    void exchangeWhenParameterMissingThen41002Then41004Then41008() {
        assertError(api("/sns/oauth2/access_token?secret=s&code=c&grant_type=authorization_code"), 41002);
        assertError(api("/sns/oauth2/access_token?appid=" + OFFICIAL + "&code=c&grant_type=authorization_code"), 41004);
        assertError(api("/sns/oauth2/access_token?appid=" + OFFICIAL + "&secret=" + OFFICIAL_SECRET
                + "&grant_type=authorization_code"), 41008);
    }

    @Test
    void userinfoWhenBaseScopeTokenThen48001AndUserinfoScopeGivesProfile() {
        SimControl.SimPersonInfo person = sim.newPerson("Protocol 资料");
        JsonObject base = exchange(OFFICIAL_SECRET, code(person.id(), "snsapi_base", Map.of())).json();
        assertError(userinfo(base), 48001);

        String code = code(person.id(), "snsapi_userinfo", Map.of("X-WeChat-Sim-Consent", "allow"));
        JsonObject full = exchange(OFFICIAL_SECRET, code).json();
        assertEquals(person.unionIdFor(OPEN_PLATFORM), full.getString("unionid"));
        JsonObject profile = userinfo(full).json();
        assertEquals("Protocol 资料", profile.getString("nickname"));
        assertEquals(person.openIdFor(OFFICIAL), profile.getString("openid"));
        assertEquals(person.unionIdFor(OPEN_PLATFORM), profile.getString("unionid"));
    }

    @Test
    void answersWhenSuccessOrErrorThenObservedContentTypeAndRidSuffix() {
        Reply ok = token(MINI, MINI_SECRET);
        assertEquals(JSON_TYPE, ok.contentType());
        for (Reply error : List.of(api("/cgi-bin/token?grant_type=client_credential&appid=" + MINI),
                api("/cgi-bin/get_api_domain_ip?access_token=bogus"), api("/sns/userinfo"),
                api("/no/such/api"))) {
            assertEquals(200, error.status(), error.body());
            assertEquals(JSON_TYPE, error.contentType());
            String errmsg = error.json().getString("errmsg");
            assertTrue(RID.matcher(errmsg).matches(), errmsg);
        }
    }

    @Test
    void clientCredentialWhenReissuedThenOldTokenWorksForGraceThen40001ThenExpires() {
        settings(60, 5, 2000, "");
        String first = accessToken(token(MINI, MINI_SECRET));
        String second = accessToken(token(MINI, MINI_SECRET));
        assertNotEquals(first, second);
        sim.advanceClock(4);
        assertIpList(domainIp(first));
        sim.advanceClock(1);
        assertError(domainIp(first), 40001);
        assertError(userInfo(first, "any"), 40001); // same validation on every token-protected API
        assertIpList(domainIp(second));
        assertError(userInfo(second, "any"), 48001); // user/info serves official accounts only
        sim.advanceClock(55);
        assertError(domainIp(second), 42001);
        assertError(userInfo(second, "any"), 42001);
        for (String path : List.of("/cgi-bin/get_api_domain_ip", "/cgi-bin/user/info")) {
            assertError(api(path), 41001);
            assertError(api(path + "?access_token=%27%3Cnot-a-token%3E"), 40014);
        }
    }

    @Test
    void stableTokenWhenTwentySecondWindowThenSameTokenUntilGraceLeftThenRotates() {
        settings(20, 5, 2000, "");
        sim.advanceClock(21); // outlive any stable token an earlier test left behind
        Reply s0 = stable(false);
        assertEquals(20, s0.json().getInt("expires_in"));
        sim.advanceClock(14);
        Reply same = stable(false);
        assertEquals(accessToken(s0), accessToken(same), "more than 5 s left: same token");
        assertEquals(5, same.json().getInt("expires_in"), "expires_in never below the grace");
        sim.advanceClock(1);
        Reply s1 = stable(false);
        assertNotEquals(accessToken(s0), accessToken(s1), "5 s or less left: rotated");
        assertEquals(20, s1.json().getInt("expires_in"));
        assertIpList(domainIp(accessToken(s0))); // old and new both valid until the old one expires
        sim.advanceClock(5);
        assertError(domainIp(accessToken(s0)), 42001);
        assertIpList(domainIp(accessToken(s1)));
        assertIpList(domainIp(accessToken(token(MINI, MINI_SECRET)))); // cgi-bin/token is isolated ...
        assertIpList(domainIp(accessToken(s1))); // ... and does not supersede stable tokens

        Reply forced = stable(true);
        assertNotEquals(accessToken(s1), accessToken(forced));
        assertError(domainIp(accessToken(s1)), 40001);
        assertIpList(domainIp(accessToken(forced)));
        JsonObject last = lastLogEntry();
        assertEquals("stable", last.getString("kind"));
        assertTrue(last.getBoolean("forceRefresh") && last.getBoolean("new"), last.toString());
    }

    @Test
    void tokenWhenDailyQuotaUsedUpThen45009ButStableTokenUnaffected() {
        settings(20, 5, 2000, "");
        int used = sim.tokens(MINI).getJsonObject("dailyQuota").getInt("used");
        settings(20, 5, used + 2, "");
        assertEquals(used + 2, sim.tokens(MINI).getJsonObject("dailyQuota").getInt("limit"));
        accessToken(token(MINI, MINI_SECRET));
        accessToken(token(MINI, MINI_SECRET));
        Reply refused = token(MINI, MINI_SECRET);
        assertError(refused, 45009);
        assertTrue(refused.json().getString("errmsg").startsWith("reach max api daily quota limit"));
        accessToken(stable(false));
        settings(20, 5, 2000, "");
        accessToken(token(MINI, MINI_SECRET));
    }

    @Test
    void tokenWhenCallerOutsideIpAllowListThen40164UntilListCleared() {
        String held = accessToken(token(MINI, MINI_SECRET));
        JsonObject effective = settings(20, 5, 2000, "127.0.0.2/32");
        assertEquals("127.0.0.2/32", effective.getString("ipAllowList"));
        for (Reply rejected : List.of(token(MINI, MINI_SECRET), stable(false))) {
            assertError(rejected, 40164);
            String errmsg = rejected.json().getString("errmsg");
            assertTrue(errmsg.startsWith("invalid ip ") && errmsg.contains(", not in whitelist"), errmsg);
        }
        assertIpList(domainIp(held)); // mini programs: the whitelist guards AppSecret calls only (§4.3)
        assertEquals("", sim.updateTokenSettings(MINI, Json.createObjectBuilder().add("ipAllowList", "").build())
                .getString("ipAllowList"));
        accessToken(token(MINI, MINI_SECRET));
    }

    @Test
    void tokenSettingsWhenBadValuesOrUnknownAppThen400Or404WithoutSecrets() {
        SimControl.Answer bad = sim.send("PUT", "/apps/" + MINI + "/token-settings",
                "{\"expiresIn\":0,\"graceSeconds\":-1,\"ipAllowList\":\"localhost\"}");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("bad_token_settings", bad.json().getString("error"));
        String message = bad.json().getString("message");
        assertTrue(message.contains("expiresIn") && message.contains("graceSeconds") && message.contains("ipAllowList"),
                message);
        for (String body : List.of("{\"expiresIn\":\"20\"}", "{\"expires_in\":20}", "[20]", "")) {
            SimControl.Answer rejected = sim.send("PUT", "/apps/" + MINI + "/token-settings", body);
            assertEquals(400, rejected.status(), body + " -> " + rejected.body());
            assertTrue(rejected.contentType().startsWith("application/json"), rejected.contentType());
        }
        SimControl.Answer unknown = sim.send("PUT", "/apps/wxnosuchapp0000000/token-settings", "{\"expiresIn\":20}");
        assertEquals(404, unknown.status());
        assertEquals("app_not_found", unknown.json().getString("error"));
        assertEquals(404, sim.send("GET", "/tokens?appid=wxnosuchapp0000000", null).status());

        JsonObject effective = settings(20, 5, 1500, "");
        assertEquals(Json.createObjectBuilder().add("expiresIn", 20).add("graceSeconds", 5).add("dailyQuota", 1500)
                .add("ipAllowList", "").build(), effective);
        String shown = sim.send("GET", "/apps/" + OFFICIAL + "/token-settings", null).body()
                + sim.send("GET", "/apps", null).body();
        assertFalse(shown.contains(OFFICIAL_SECRET) || shown.contains("wxbinddemotoken"), shown);
    }

    @Test
    void tokenLogWhenTokensAnsweredThenOneEntryEachOldestFirstWithoutValues() {
        settings(20, 5, 2000, "");
        sim.advanceClock(21);
        sim.clearTokens(MINI);
        String classic = accessToken(token(MINI, MINI_SECRET));
        String first = accessToken(stable(false));
        String again = accessToken(stable(false));
        assertEquals(first, again);

        SimControl.Answer raw = sim.send("GET", "/tokens?appid=" + MINI, null);
        for (String value : List.of(classic, first)) {
            assertFalse(raw.body().contains(value), "the log must not show token values");
        }
        JsonObject log = raw.json();
        List<JsonObject> entries = log.getJsonArray("tokens").getValuesAs(JsonObject.class);
        assertEquals(List.of("client_credential", "stable", "stable"), entries.stream().map(e -> e.getString("kind")).toList());
        assertEquals(List.of(true, true, false), entries.stream().map(e -> e.getBoolean("new")).toList());
        assertTrue(entries.stream().noneMatch(e -> e.getBoolean("forceRefresh")));
        assertEquals(20, entries.get(1).getInt("expiresIn"));
        for (int i = 1; i < entries.size(); i++) {
            assertTrue(entries.get(i - 1).getJsonNumber("issuedAt").longValue()
                    <= entries.get(i).getJsonNumber("issuedAt").longValue(), "oldest first");
        }
        long now = sim.clock().getJsonNumber("epochSeconds").longValue() * 1000;
        assertTrue(Math.abs(now - entries.get(0).getJsonNumber("issuedAt").longValue()) < 60_000, "simulator epoch ms");
        assertEquals(Json.createObjectBuilder().add("total", 2).add("new", 1).build(),
                log.getJsonObject("counts").getJsonObject("stable"));
        assertEquals(1, log.getJsonObject("counts").getJsonObject("client_credential").getInt("total"));

        sim.clearTokens(MINI);
        assertTrue(sim.tokens(MINI).getJsonArray("tokens").isEmpty());
        assertIpList(domainIp(first)); // clearing the log leaves the tokens valid
    }

    @Test
    void faultsWhenInjectedOnTokenApisThenWeChatErrorsStatusAndReleasableHang() throws Exception {
        settings(20, 5, 2000, "");
        sim.clearTokens(MINI);
        long tokenCalls = sim.calls("/api/cgi-bin/token", MINI);
        sim.fault(fault("/api/cgi-bin/token").add("errcode", 40001).add("count", 2).build());
        assertError(token(MINI, MINI_SECRET), 40001);
        assertError(token(MINI, MINI_SECRET), 40001);
        String token = accessToken(token(MINI, MINI_SECRET));
        assertEquals(tokenCalls + 3, sim.calls("/api/cgi-bin/token", MINI), "faulted calls are counted by appid");

        sim.fault(fault("/api/cgi-bin/stable_token").add("errcode", -1).add("count", 1).build());
        assertTrue(stable(false).json().getString("errmsg").startsWith("system error, rid: "));
        accessToken(stable(false));
        JsonObject counts = sim.tokens(MINI).getJsonObject("counts");
        assertEquals(1, counts.getJsonObject("client_credential").getInt("total"), "only successful answers are logged");
        assertEquals(1, counts.getJsonObject("stable").getInt("total"));

        long domainCalls = sim.calls("/api/cgi-bin/get_api_domain_ip", MINI);
        sim.fault(fault("/api/cgi-bin/get_api_domain_ip").add("httpStatus", 503).add("count", 1).build());
        Reply outage = domainIp(token);
        assertEquals(503, outage.status());
        assertFalse(outage.contentType().startsWith("application/json"), outage.contentType());
        assertIpList(domainIp(token));
        assertEquals(domainCalls + 2, sim.calls("/api/cgi-bin/get_api_domain_ip", MINI));

        assertHangReleasedByDeleteEvenWhenMoreCallsHangThanTheNodeHasThreads(token);
    }

    /** Payara's pool has 200 request threads, shared with the app: parked calls must hold none. */
    private static void assertHangReleasedByDeleteEvenWhenMoreCallsHangThanTheNodeHasThreads(String token)
            throws Exception {
        int calls = 220;
        sim.fault(fault("/api/cgi-bin/get_api_domain_ip").add("hang", true).build());
        List<CompletableFuture<HttpResponse<String>>> hanging = new ArrayList<>();
        try {
            for (int i = 0; i < calls; i++) {
                hanging.add(HTTP.sendAsync(get(stack.simulatorApiUrl() + "/cgi-bin/get_api_domain_ip?access_token="
                        + token, Map.of()), HttpResponse.BodyHandlers.ofString()));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (hangingNow() < calls && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(calls, hangingNow(), "every call parked on the hang fault");
            assertTrue(hanging.stream().noneMatch(CompletableFuture::isDone), "the calls hang while the fault is installed");
        } finally {
            sim.clearFaults(); // DELETE /control/faults, served although 220 calls hang
        }
        for (CompletableFuture<HttpResponse<String>> call : hanging) {
            HttpResponse<String> released = call.get(20, TimeUnit.SECONDS);
            assertIpList(new Reply(released.statusCode(), released.headers().firstValue("Content-Type").orElse(""),
                    released.body()));
        }
    }

    private static int hangingNow() {
        return sim.faults().getJsonArray("faults").getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("path").equals("/api/cgi-bin/get_api_domain_ip") && f.getBoolean("hang"))
                .mapToInt(f -> f.getInt("hanging")).sum();
    }

    // ---- helpers: each is one real HTTP call to the simulator ----

    private record Reply(int status, String contentType, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    private static JsonObject settings(int expiresIn, int grace, int quota, String ipAllowList) {
        return sim.updateTokenSettings(MINI, Json.createObjectBuilder().add("expiresIn", expiresIn)
                .add("graceSeconds", grace).add("dailyQuota", quota).add("ipAllowList", ipAllowList).build());
    }

    private static JsonObjectBuilder fault(String path) {
        return Json.createObjectBuilder().add("path", path);
    }

    private static JsonObject lastLogEntry() {
        List<JsonObject> entries = sim.tokens(MINI).getJsonArray("tokens").getValuesAs(JsonObject.class);
        return entries.get(entries.size() - 1);
    }

    /** Authorizes as {@code personId} and returns the code from the 302 back to {@link #REDIRECT}. */
    private static String code(String personId, String scope, Map<String, String> headers) {
        String url = stack.simulatorOpenUrl() + "/connect/oauth2/authorize?appid=" + OFFICIAL + "&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&response_type=code&scope=" + scope
                + "&state=st4te";
        Map<String, String> all = new HashMap<>(headers);
        all.put("X-WeChat-Sim-Person", personId);
        HttpResponse<String> r = send(get(url, all));
        assertEquals(302, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(REDIRECT + "?code=") && location.endsWith("&state=st4te"), location);
        Matcher m = Pattern.compile("code=([^&]+)").matcher(location);
        assertTrue(m.find());
        return m.group(1);
    }

    private static Reply exchange(String secret, String code) {
        return api("/sns/oauth2/access_token?appid=" + OFFICIAL + "&secret=" + secret + "&code=" + code
                + "&grant_type=authorization_code");
    }

    private static Reply userinfo(JsonObject webToken) {
        return api("/sns/userinfo?access_token=" + webToken.getString("access_token") + "&openid="
                + webToken.getString("openid") + "&lang=zh_CN");
    }

    private static Reply token(String appId, String secret) {
        return api("/cgi-bin/token?grant_type=client_credential&appid=" + appId + "&secret=" + secret);
    }

    private static Reply stable(boolean forceRefresh) {
        String body = Json.createObjectBuilder().add("grant_type", "client_credential").add("appid", MINI)
                .add("secret", MINI_SECRET).add("force_refresh", forceRefresh).build().toString();
        return reply(send(HttpRequest.newBuilder(URI.create(stack.simulatorApiUrl() + "/cgi-bin/stable_token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }

    private static Reply domainIp(String accessToken) {
        return api("/cgi-bin/get_api_domain_ip?access_token=" + accessToken);
    }

    private static Reply userInfo(String accessToken, String openId) {
        return api("/cgi-bin/user/info?access_token=" + accessToken + "&openid=" + openId + "&lang=zh_CN");
    }

    private static Reply api(String pathAndQuery) {
        return reply(send(get(stack.simulatorApiUrl() + pathAndQuery, Map.of())));
    }

    private static String accessToken(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        JsonObject json = reply.json();
        assertFalse(json.containsKey("errcode"), reply.body());
        assertTrue(json.getInt("expires_in") > 0, reply.body());
        return json.getString("access_token");
    }

    private static void assertIpList(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        assertEquals(JSON_TYPE, reply.contentType());
        assertTrue(reply.json().containsKey("ip_list") && !reply.json().getJsonArray("ip_list").isEmpty(), reply.body());
    }

    private static void assertError(Reply reply, int errcode) {
        assertEquals(200, reply.status(), reply.body());
        JsonObject json = reply.json();
        assertEquals(errcode, json.getInt("errcode"), reply.body());
        assertTrue(RID.matcher(json.getString("errmsg")).matches(), json.getString("errmsg"));
    }

    private static HttpRequest get(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(b::header);
        return b.build();
    }

    private static Reply reply(HttpResponse<String> r) {
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
