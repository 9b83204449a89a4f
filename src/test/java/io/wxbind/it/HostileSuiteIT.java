package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.assertNoStackTrace;
import static io.wxbind.it.support.ItSupport.assertProblemPage;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static io.wxbind.it.support.ItSupport.submitBind;
import static io.wxbind.it.support.ItSupport.ticketFromBindPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.DbState;
import io.wxbind.it.support.Hostile;
import io.wxbind.it.support.ItSupport;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import io.wxbind.launch.WxBindStack;
import io.wxbind.it.support.WebsiteQr;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile suite's own cases (others are tagged {@link Hostile} where they live): what an
 * attacker sends to the login flow, the bind form, message links, QR pages and the bearer API.
 * Each case asserts the status, the error code or message, and that the security-relevant tables
 * ({@link DbState}) did not change.
 */
class HostileSuiteIT {

    private static String app;

    private final HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void stackUp() {
        app = stack().appUrl();
    }

    /**
     * Runs the attack and asserts the database is as before. Rows that expire within the next
     * 30 s are left out of both snapshots: the minute purge may delete them meanwhile, and no
     * attack makes one (tickets and scenes live for minutes).
     */
    private static <T> T unchanged(Supplier<T> attack) {
        java.time.Instant liveAfter = java.time.Instant.now().plusSeconds(30);
        Map<String, String> before = DbState.snapshot(liveAfter);
        T result = attack.get();
        assertEquals(before, DbState.snapshot(liveAfter), "a refused attack changed the database");
        return result;
    }

    static Stream<String> openRedirects() {
        return Stream.of("https://evil.example/", "http://evil.example", "//evil.example/x", "///evil.example", "\\\\evil.example",
                "/\\evil.example", "\\/evil.example", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
                "https://localhost.evil.example/", "https://user@evil.example/", "/\t/evil.example", " //evil.example",
                "https:evil.example", "%2F%2Fevil.example", "%5C%5Cevil.example");
    }

    @Hostile
    @ParameterizedTest(name = "open redirect on /wechat/login: {0}")
    @MethodSource("openRedirects")
    void loginWhenReturnUrlForeignThen400AndNothingStored(String evil) {
        WeChatBrowser.Page page = unchanged(() -> new WeChatBrowser("nobody")
                .get(app + "wechat/login?returnTo=" + URLEncoder.encode(evil, StandardCharsets.UTF_8)));
        assertProblemPage(page, 400, "bad_return_url");
        assertTrue(page.body().contains("only be sent back to a page of this site"), page.body());
    }

    @Hostile
    @ParameterizedTest(name = "open redirect on /wechat/qr-login: {0}")
    @MethodSource("openRedirects")
    void qrLoginWhenReturnUrlForeignThen400AndNoCode(String evil) {
        long creates = sim().calls("/api/cgi-bin/qrcode/create");
        WeChatBrowser.Page page = unchanged(() -> new WeChatBrowser("nobody")
                .get(app + "wechat/qr-login?returnTo=" + URLEncoder.encode(evil, StandardCharsets.UTF_8)));
        assertProblemPage(page, 400, "bad_return_url");
        assertEquals(creates, sim().calls("/api/cgi-bin/qrcode/create"), "no QR code spent on a refused page");
    }

    @Hostile
    @Test
    void callbackWhenStateMissingThen400() {
        assertProblemPage(unchanged(() -> new WeChatBrowser("nobody").get(app + "wechat/callback?code=abc")), 400, "state_missing");
    }

    @Hostile
    @Test
    void callbackWhenStateForgedThen400() {
        assertProblemPage(unchanged(() -> new WeChatBrowser("nobody").get(app + "wechat/callback?code=abc&state=" + "Q".repeat(40))),
                400, "authorization_request_not_found");
    }

    @Hostile
    @Test
    void callbackWhenStateMalformedThen400() {
        assertProblemPage(unchanged(() -> new WeChatBrowser("nobody").get(app + "wechat/callback?code=abc&state=%3Cscript%3E%00")),
                400, "authorization_request_not_found");
    }

    @Hostile
    @Test
    void callbackWhenReplayedInAnotherBrowserThen400() {
        SimControl.SimPersonInfo p = bindNewPerson("bob", "bob-password");
        WeChatBrowser b = new WeChatBrowser(p.id());
        String callbackUrl = b.get(b.get(app + "app/").location()).location();
        assertEquals(302, b.get(callbackUrl).status(), "first use logs in");
        assertProblemPage(unchanged(() -> new WeChatBrowser(p.id()).get(callbackUrl)), 400, "authorization_request_not_found");
    }

    @Hostile
    @Test
    void callbackWhenStateFromAnotherBrowserThen403Mismatch() {
        SimControl.SimPersonInfo p = sim().newPerson("Hostile Csrf Login");
        String authorizeUrl = new WeChatBrowser(p.id()).get(app + "app/").location();
        WeChatBrowser.Chain chain = unchanged(() -> new WeChatBrowser(p.id()).open(authorizeUrl));
        assertProblemPage(chain.last(), 403, "state_mismatch");
        assertNull(boundAccount(APP_ID, p.openIdFor(APP_ID)));
    }

    @Hostile
    @Test
    void callbackWhenCodeReplayedWithFreshStateThen400CodeRejected() {
        SimControl.SimPersonInfo p = sim().newPerson("Hostile Code Replay");
        WeChatBrowser b = new WeChatBrowser(p.id());
        String callbackUrl = b.get(b.get(app + "app/").location()).location();
        String code = callbackUrl.replaceAll(".*[?&]code=([^&]+).*", "$1");
        b.follow(b.get(callbackUrl));
        String newState = b.get(app + "app/").location().replaceAll(".*[?&]state=([A-Za-z0-9]+).*", "$1");
        assertProblemPage(unchanged(() -> b.get(app + "wechat/callback?code=" + code + "&state=" + newState)), 400, "code_rejected");
    }

    @Hostile
    @Test
    void bindWhenTicketGuessedThen400() {
        WeChatBrowser.Page page = unchanged(() -> new WeChatBrowser("nobody").post(app + "wechat/bind",
                Map.of("ticket", "Z".repeat(43), "username", "bob", "password", "bob-password")));
        assertProblemPage(page, 400, "ticket_invalid");
    }

    @Hostile
    @Test
    void bindWhenTicketFromAnotherBrowserThen400() {
        SimControl.SimPersonInfo p = sim().newPerson("Hostile Ticket Thief");
        String ticket = ticketFromBindPage(new WeChatBrowser(p.id()).open(app + "app/"));
        WeChatBrowser thief = new WeChatBrowser("nobody");
        assertProblemPage(unchanged(() -> thief.post(app + "wechat/bind",
                Map.of("ticket", ticket, "username", "bob", "password", "bob-password"))), 400, "ticket_invalid");
        assertNull(boundAccount(APP_ID, p.openIdFor(APP_ID)));
    }

    @Hostile
    @Test
    void bindWhenTicketForwardedAsLinkThen400() {
        SimControl.SimPersonInfo p = sim().newPerson("Hostile Ticket Forward");
        String ticket = ticketFromBindPage(new WeChatBrowser(p.id()).open(app + "app/"));
        assertProblemPage(unchanged(() -> new WeChatBrowser("nobody").get(app + "wechat/bind?ticket=" + ticket)), 400, "ticket_invalid");
    }

    @Hostile
    @Test
    void bindWhenTicketExpiredThen400() {
        SimControl.SimPersonInfo p = sim().newPerson("Hostile Ticket Late");
        WeChatBrowser b = new WeChatBrowser(p.id());
        String ticket = ticketFromBindPage(b.open(app + "app/"));
        ItSupport.update("update wxbind_bind_ticket set expires_at = now() - interval '1 second' where expires_at > now()");
        assertProblemPage(unchanged(() -> b.post(app + "wechat/bind", Map.of("ticket", ticket, "username", "bob", "password", "bob-password"))),
                400, "ticket_invalid");
        assertNull(boundAccount(APP_ID, p.openIdFor(APP_ID)));
    }

    @Hostile
    @Test
    void bindWhenTicketReusedAfterSuccessThenRefusedAndBindingKept() {
        SimControl.SimPersonInfo p = sim().newPerson("Hostile Ticket Reuse");
        WeChatBrowser b = new WeChatBrowser(p.id());
        String ticket = ticketFromBindPage(b.open(app + "app/"));
        submitBind(b, app, ticket, "bob", "bob-password");
        WeChatBrowser.Page reused = unchanged(() -> b.post(app + "wechat/bind",
                Map.of("ticket", ticket, "username", "alice", "password", "alice-password")));
        assertTrue(reused.status() == 400 || reused.isRedirect(), "reused ticket: " + reused.status());
        assertNoStackTrace(reused.body());
        assertEquals("bob", boundAccount(APP_ID, p.openIdFor(APP_ID)));
    }

    @Hostile
    @Test
    void linkWhenForgedThen400() {
        assertProblemPage(unchanged(() -> new WeChatBrowser("nobody").open(app + "wechat/link?t=" + "L".repeat(43)).last()),
                400, "link_invalid");
    }

    @Hostile
    @Test
    void qrLoginCompleteWhenIdForgedThen400() {
        assertProblemPage(unchanged(() -> new WeChatBrowser("nobody").get(app + "wechat/qr-login/complete?id=" + "S".repeat(32))),
                400, "qr_login_invalid");
    }

    @Hostile
    @Test
    void qrLoginStatusWhenAskedByAnotherBrowserThen404() {
        WeChatBrowser desktop = new WeChatBrowser("nobody");
        WeChatBrowser.Page page = desktop.get(app + "wechat/qr-login");
        String status = page.body().replaceAll("(?s).*data-status-url=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        WeChatBrowser.Page foreign = unchanged(() -> new WeChatBrowser("nobody").get(page.uri().resolve(status).toString()));
        assertEquals(404, foreign.status(), foreign.body());
        assertTrue(foreign.body().contains("\"error\":\"not_found\""), foreign.body());
    }

    @Hostile
    @Test
    void qrLoginWhenClientForgesForwardedForThenStillOneBucketAnd429() {
        // 127.0.0.9 is no trusted proxy: each page claims another X-Forwarded-For, none gets a fresh share
        URI page = URI.create(app + "wechat/qr-login");
        for (int i = 0; i < QR_LOGIN_PER_IP; i++) {
            assertEquals(200, io.wxbind.it.support.RawHttp.get(page, "127.0.0.9", Map.of("X-Forwarded-For", "203.0.113." + (i + 1),
                    "Forwarded", "for=198.51.100." + (i + 1))).status());
        }
        long creates = sim().calls("/api/cgi-bin/qrcode/create");
        io.wxbind.it.support.RawHttp.Response refused = unchanged(() -> io.wxbind.it.support.RawHttp.get(page, "127.0.0.9",
                Map.of("X-Forwarded-For", "203.0.113.250")));
        assertEquals(429, refused.status(), refused.body());
        assertTrue(refused.body().contains("id=\"error-code\">qr_login_throttled<"), refused.body());
        assertEquals(creates, sim().calls("/api/cgi-bin/qrcode/create"), "a refused page asks WeChat for nothing");
    }

    /** The default {@code wechat.qr.login-per-ip}, which the test stack keeps. */
    private static final int QR_LOGIN_PER_IP = 30;

    static Stream<String> badBearers() {
        return Stream.of("Bearer", "Bearer abc", "Bearer " + "A".repeat(42) + "=", "Bearer " + "x".repeat(5000), "Bearer %00%FF",
                "Bearer " + "A".repeat(43));
    }

    @Hostile
    @ParameterizedTest(name = "bearer token malformed or never issued: {index}")
    @MethodSource("badBearers")
    void bearerWhenMalformedOrUnknownThen401InvalidToken(String header) throws Exception {
        HttpResponse<String> r = unchanged(() -> send(HttpRequest.newBuilder(URI.create(app + "api/wechat/tokens"))
                .header("Authorization", header).POST(HttpRequest.BodyPublishers.noBody())));
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"error\":\"invalid_token\""), r.body());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"), r.headers().toString());
    }

    @Hostile
    @Test
    void bearerWhenInQueryStringThenIgnored() {
        HttpResponse<String> r = unchanged(() -> send(HttpRequest.newBuilder(URI.create(app + "api/me?access_token=" + "A".repeat(43))).GET()));
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"error\":\"not_authenticated\""), r.body());
    }

    // --- The JSON endpoints of mini programs and mobile apps (issue 12) ---

    private static final String MINI = io.wxbind.launch.WxBindStack.MINIPROGRAM_APP_ID;
    private static final String MOBILE = io.wxbind.launch.WxBindStack.MOBILE_APP_ID;

    static Stream<String[]> garbageJson() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        return Stream.of("session", "register", "bind", "sms").flatMap(endpoint -> Stream.of("{not json", "[]", "\"a string\"", "null", "",
                "{\"appId\": 5, \"code\": true, \"bindTicket\": [], \"nickname\": {}}", "{\"x\": \"" + "A".repeat(20_000) + "\"}",
                "{\"x\": " + deep + "}", "{\"a\":1}{\"b\":2}", "\uFEFF{\"appId\":\"\u0000\"}")
                .map(body -> new String[] {endpoint, body}));
    }

    @Hostile
    @ParameterizedTest(name = "garbage or oversized JSON on /api/wechat/miniprogram/{0}: {index}")
    @MethodSource("garbageJson")
    void miniProgramEndpointsWhenBodyGarbageOrOversizedThen400JsonAndNothingStored(String endpoint, String body) {
        long exchanges = sim().calls("/api/sns/jscode2session");
        HttpResponse<String> r = unchanged(() -> postJson("api/wechat/miniprogram/" + endpoint, body));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("{\"error\":\""), r.body());
        assertNoStackTrace(r.body());
        assertEquals(exchanges, sim().calls("/api/sns/jscode2session"), "WeChat not called");
    }

    static Stream<String> foreignAppIds() {
        return Stream.of(APP_ID, io.wxbind.launch.WxBindStack.WEBSITE_APP_ID, MOBILE, "wx' or '1'='1", "../" + MINI, MINI.toUpperCase(), "");
    }

    @Hostile
    @ParameterizedTest(name = "a mini program's code with a foreign or forged appId: {0}")
    @MethodSource("foreignAppIds")
    void miniProgramSessionWhenAppIdNotAMiniProgramThen400UnknownAppAndCodeNotSpent(String appId) {
        String code = clientCode(MINI, sim().newPerson("Hostile AppId").id());
        long exchanges = sim().calls("/api/sns/jscode2session");
        HttpResponse<String> r = unchanged(() -> postJson("api/wechat/miniprogram/session", jsonOf("appId", appId, "code", code)));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"error\":\"unknown_app\""), r.body());
        assertEquals(exchanges, sim().calls("/api/sns/jscode2session"), "WeChat not called");
    }

    @Hostile
    @Test
    void miniProgramSessionWhenCodeReplayedAfterLoginThen409AndWeChatNotAskedAgain() {
        String code = clientCode(MINI, sim().newPerson("Hostile Mini Replay").id());
        assertEquals(200, postJson("api/wechat/miniprogram/session", jsonOf("appId", MINI, "code", code)).statusCode());
        long exchanges = sim().calls("/api/sns/jscode2session");
        HttpResponse<String> replay = unchanged(() -> postJson("api/wechat/miniprogram/session", jsonOf("appId", MINI, "code", code)));
        assertEquals(409, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("\"error\":\"code_used\""), replay.body());
        assertEquals(exchanges, sim().calls("/api/sns/jscode2session"));
        assertFalse(replay.body().contains("bindTicket"), "a replay never gets the ticket again: " + replay.body());
    }

    @Hostile
    @Test
    void registerWhenTicketIsABrowsersThen400TicketInvalid() {
        SimControl.SimPersonInfo p = sim().newPerson("Hostile Web Ticket");
        String webTicket = ticketFromBindPage(new WeChatBrowser(p.id()).open(app + "app/"));
        HttpResponse<String> r = unchanged(() -> postJson("api/wechat/miniprogram/register", jsonOf("bindTicket", webTicket, "nickname", "Thief")));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"error\":\"ticket_invalid\""), r.body());
        assertNull(boundAccount(APP_ID, p.openIdFor(APP_ID)));
    }

    @Hostile
    @Test
    void webBindWhenTicketIsAnApiClientsThen400TicketInvalid() {
        SimControl.SimPersonInfo p = sim().newPerson("Hostile Api Ticket On Web");
        String apiTicket = unboundTicket(MOBILE, p);
        assertProblemPage(unchanged(() -> new WeChatBrowser("nobody").post(app + "wechat/bind",
                Map.of("ticket", apiTicket, "username", "bob", "password", "bob-password"))), 400, "ticket_invalid");
        assertNull(boundAccount(MOBILE, p.openIdFor(MOBILE)));
    }

    @Hostile
    @Test
    void registerWhenTicketReusedAfterRegisteringThen400AndNoSecondAccount() {
        SimControl.SimPersonInfo p = sim().newPerson("Hostile Register Reuse");
        String ticket = unboundTicket(MOBILE, p);
        HttpResponse<String> first = postJson("api/wechat/miniprogram/register", jsonOf("bindTicket", ticket, "nickname", "Once"));
        assertEquals(200, first.statusCode(), first.body());
        io.wxbind.it.support.Capture.rememberSecret("API token", io.wxbind.it.support.JsonApi.json(first).getString("access_token"));
        HttpResponse<String> again = unchanged(() -> postJson("api/wechat/miniprogram/register", jsonOf("bindTicket", ticket, "nickname", "Twice")));
        assertEquals(400, again.statusCode(), again.body());
        assertTrue(again.body().contains("\"error\":\"ticket_invalid\""), again.body());
        HttpResponse<String> bindAfter = unchanged(() -> postJson("api/wechat/miniprogram/bind",
                jsonOf("bindTicket", ticket, "username", "bob", "password", "bob-password")));
        assertEquals(400, bindAfter.statusCode(), "the spent ticket binds nothing either: " + bindAfter.body());
        assertEquals(io.wxbind.it.support.JsonApi.json(first).getString("caller"), boundAccount(MOBILE, p.openIdFor(MOBILE)));
    }

    @Hostile
    @Test
    void registerWhenTheAppBindsOnlyThen403AndTicketNotSpent() {
        SimControl.SimPersonInfo p = sim().newPerson("Hostile Forced Register");
        String ticket = unboundTicket(MINI, p);
        HttpResponse<String> r = unchanged(() -> postJson("api/wechat/miniprogram/register", jsonOf("bindTicket", ticket)));
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"error\":\"register_not_allowed\""), r.body());
        assertNull(boundAccount(MINI, p.openIdFor(MINI)));
    }

    static Stream<String> badNicknames() {
        return Stream.of("a\nb", "\u0000", "x".repeat(33), "\u202Eevil", "\u200B", "\u001B[31mred");
    }

    @Hostile
    @ParameterizedTest(name = "register with a nickname no person types: {index}")
    @MethodSource("badNicknames")
    void registerWhenNicknameHasControlCharactersOrIsTooLongThen400AndTicketNotSpent(String nickname) {
        SimControl.SimPersonInfo p = sim().newPerson("Hostile Nickname");
        String ticket = unboundTicket(MOBILE, p);
        HttpResponse<String> r = unchanged(() -> postJson("api/wechat/miniprogram/register", jsonOf("bindTicket", ticket, "nickname", nickname)));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"error\":\"invalid_nickname\""), r.body());
        assertNull(boundAccount(MOBILE, p.openIdFor(MOBILE)));
    }

    /** The bind ticket of an unbound person's first login in {@code appId} (a mini program or the mobile app). */
    private String unboundTicket(String appId, SimControl.SimPersonInfo person) {
        String path = appId.equals(MINI) ? "api/wechat/miniprogram/session" : "api/wechat/app/session";
        HttpResponse<String> r = postJson(path, jsonOf("appId", appId, "code", clientCode(appId, person.id())));
        assertEquals(200, r.statusCode(), r.body());
        return io.wxbind.it.support.JsonApi.json(r).getString("bindTicket");
    }

    private static String clientCode(String appId, String personId) {
        SimControl.Answer answer = sim().send("POST", "/client/login", jsonOf("appid", appId, "person", personId));
        assertEquals(201, answer.status(), answer.body());
        return answer.json().getString("code");
    }

    private static String jsonOf(String... namesAndValues) {
        jakarta.json.JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build().toString();
    }

    private HttpResponse<String> postJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(app + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Hostile
    @ParameterizedTest(name = "open redirect on /wechat/website-login: {0}")
    @MethodSource("openRedirects")
    void websiteLoginWhenReturnUrlForeignThen400AndNoRedirectToWeChat(String evil) {
        WeChatBrowser.Page page = unchanged(() -> new WeChatBrowser("nobody")
                .get(app + WebsiteQr.START + "?returnTo=" + URLEncoder.encode(evil, StandardCharsets.UTF_8)));
        assertProblemPage(page, 400, "bad_return_url");
    }

    @Hostile
    @Test
    void websiteCallbackWhenReplayedThen400AndNobodyLoggedIn() {
        SimControl.SimPersonInfo p = sim().newPerson("Hostile Website Replay");
        WeChatBrowser b = new WeChatBrowser(p.id());
        String callback = WebsiteQr.callbackUrl(b, WebsiteQr.qrConnectUrl(b, app, "/wxbind/app/"), "allow");
        ticketFromBindPage(b.open(callback)); // first use: the bind form
        assertProblemPage(unchanged(() -> b.get(callback)), 400, "authorization_request_not_found");
        assertEquals(401, b.get(app + "api/me").status());
    }

    @Hostile
    @Test
    void websiteCallbackWhenCodeReplayedWithFreshStateThen400CodeRejected() {
        SimControl.SimPersonInfo p = sim().newPerson("Hostile Website Code");
        WeChatBrowser b = new WeChatBrowser(p.id());
        String first = WebsiteQr.callbackUrl(b, WebsiteQr.qrConnectUrl(b, app, "/wxbind/app/"), "allow");
        ticketFromBindPage(b.open(first));
        String code = first.replaceAll(".*[?&]code=([^&]+).*", "$1");
        WeChatBrowser attacker = new WeChatBrowser(p.id());
        String fresh = WebsiteQr.callbackUrl(attacker, WebsiteQr.qrConnectUrl(attacker, app, "/wxbind/app/"), "deny");
        assertProblemPage(unchanged(() -> attacker.get(fresh + "&code=" + code)), 400, "code_rejected");
        assertEquals(401, attacker.get(app + "api/me").status());
    }

    @Hostile
    @Test
    void websiteCallbackWhenOfficialAccountCodeThen400CodeRejectedNeverExchangedAsTheAccount() {
        SimControl.SimPersonInfo victim = bindNewPerson("bob", "bob-password");
        WeChatBrowser phone = new WeChatBrowser(victim.id());
        String officialCallback = phone.get(phone.get(app + "app/").location()).location(); // a code of the official account
        String code = officialCallback.replaceAll(".*[?&]code=([^&]+).*", "$1");
        WeChatBrowser attacker = new WeChatBrowser(sim().newPerson("Hostile Website Attacker").id());
        String websiteState = WebsiteQr.callbackUrl(attacker, WebsiteQr.qrConnectUrl(attacker, app, "/wxbind/app/"), "deny");
        long exchanges = sim().calls("/api/sns/oauth2/access_token", WxBindStack.WEBSITE_APP_ID);
        assertProblemPage(unchanged(() -> attacker.get(websiteState + "&code=" + code)), 400, "code_rejected");
        assertEquals(exchanges + 1, sim().calls("/api/sns/oauth2/access_token", WxBindStack.WEBSITE_APP_ID),
                "exchanged with the website app's credentials, which WeChat refuses for another app's code");
        assertEquals(401, attacker.get(app + "api/me").status());
    }

    @Hostile
    @Test
    void websiteCallbackWhenStateFromAnotherBrowserThen403Mismatch() {
        SimControl.SimPersonInfo p = sim().newPerson("Hostile Website Csrf");
        WeChatBrowser attacker = new WeChatBrowser(p.id());
        String callback = WebsiteQr.callbackUrl(attacker, WebsiteQr.qrConnectUrl(attacker, app, "/wxbind/app/"), "allow");
        WeChatBrowser victim = new WeChatBrowser(p.id());
        assertProblemPage(unchanged(() -> victim.get(callback)), 403, "state_mismatch");
        assertNull(boundAccount(WxBindStack.WEBSITE_APP_ID, p.openIdFor(WxBindStack.WEBSITE_APP_ID)));
        assertEquals(401, victim.get(app + "api/me").status());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return api.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
