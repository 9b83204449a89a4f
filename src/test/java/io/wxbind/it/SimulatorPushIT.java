package io.wxbind.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wxbind.it.support.Chromium;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WxJavaClients;
import io.wxbind.launch.WxBindStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.imageio.ImageIO;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.result.WxMpQrCodeTicket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The simulator's QR, push and customer-service side over real HTTP, without the app's push
 * endpoint: {@code qrcode/create} and {@code showqrcode} (the image decodes back to the code's
 * URL), {@code message/custom/send} with its window rules, the push sender in all three modes
 * against a developer server of this test ({@link Receiver}, JDK HttpServer) that checks every
 * push with WxJava's own signature and decryption code, the phone page (over HTTP and once in
 * headless Chromium, for its self-refreshing message list), and the SMS inbox. The simulator is shared
 * with the app under test and the other ITs: this class creates its own people, points the
 * official account's pushes at its receiver only while it runs, and puts back the push settings
 * and the clock offset it changed.
 */
class SimulatorPushIT {

    private static final String OFFICIAL = WxBindStack.APP_ID;
    private static final String OFFICIAL_SECRET = WxBindStack.APP_SECRET;
    private static final String PUSH_TOKEN = "wxbinddemotoken";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private static WxBindStack stack;
    private static SimControl sim;
    private static WxMpService wxJava;
    private static Receiver receiver;
    private static int savedClockOffset;

    @BeforeAll
    static void start() {
        stack = WxBindStack.shared();
        sim = new SimControl(stack.simulatorControlUrl());
        savedClockOffset = sim.clock().getInt("offsetSeconds");
        receiver = new Receiver(PUSH_TOKEN, AES_KEY, OFFICIAL);
        wxJava = WxJavaClients.mp(stack, OFFICIAL, OFFICIAL_SECRET, true);
    }

    /** Every test aims the official account's pushes at the receiver; this puts the config back. */
    @AfterEach
    void restore() {
        sim.restorePushSettings(OFFICIAL);
        sim.setClockOffset(savedClockOffset);
        receiver.answer(r -> Receiver.Answer.ok("success"));
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    // ---- qrcode/create + showqrcode ----

    @Test
    void qrCodeWhenCreatedThenShowQrCodeImageDecodesToItsUrl() throws Exception {
        long before = sim.calls("/api/cgi-bin/qrcode/create", OFFICIAL);
        JsonObject created = createQr("{\"expire_seconds\":300,\"action_name\":\"QR_STR_SCENE\","
                + "\"action_info\":{\"scene\":{\"scene_str\":\"bind:it-1\"}}}");
        assertEquals(300, created.getInt("expire_seconds"), created.toString());
        String url = created.getString("url");
        assertTrue(url.matches("http://weixin\\.qq\\.com/q/[A-Za-z0-9]+"), url);
        assertEquals(before + 1, sim.calls("/api/cgi-bin/qrcode/create", OFFICIAL), "counted per app");

        HttpResponse<byte[]> image = showQrCode(URLEncoder.encode(created.getString("ticket"), StandardCharsets.UTF_8));
        assertEquals(200, image.statusCode());
        assertEquals("image/jpg", image.headers().firstValue("Content-Type").orElse(""));
        assertEquals("max-age=604800", image.headers().firstValue("Cache-control").orElse(""));
        assertEquals(url, decodeQr(image.body()));

        assertEquals(404, showQrCode("no-such-ticket").statusCode());
        JsonObject permanent = createQr("{\"action_name\":\"QR_LIMIT_SCENE\",\"action_info\":{\"scene\":{\"scene_id\":42}}}");
        assertFalse(permanent.containsKey("expire_seconds"), permanent.toString());
        assertEquals(permanent.getString("ticket"), createQr("{\"action_name\":\"QR_LIMIT_SCENE\","
                + "\"action_info\":{\"scene\":{\"scene_id\":42}}}").getString("ticket"), "same permanent scene, same code");
    }

    @Test
    void qrCodeWhenExpiredThenShowQrCode404() {
        JsonObject created = createQr("{\"expire_seconds\":30,\"action_name\":\"QR_SCENE\","
                + "\"action_info\":{\"scene\":{\"scene_id\":7}}}");
        String ticket = URLEncoder.encode(created.getString("ticket"), StandardCharsets.UTF_8);
        assertEquals(200, showQrCode(ticket).statusCode());
        sim.advanceClock(31);
        assertEquals(404, showQrCode(ticket).statusCode());
    }

    @Test
    void qrCodeWhenWxJavaCreatesThenItsPictureUrlServesTheCode() throws Exception {
        WxMpQrCodeTicket ticket = wxJava.getQrcodeService().qrCodeCreateTmpTicket("bind:wxjava", 120);
        assertEquals(120, ticket.getExpireSeconds());
        String pictureUrl = wxJava.getQrcodeService().qrCodePictureUrl(ticket.getTicket());
        assertTrue(pictureUrl.startsWith(stack.simulatorMpUrl() + "/cgi-bin/showqrcode?ticket="), pictureUrl);
        HttpResponse<byte[]> image = HTTP.send(HttpRequest.newBuilder(URI.create(pictureUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(ticket.getUrl(), decodeQr(image.body()));
    }

    @Test
    void qrCodeWhenBodyBadThenWeChatErrcodes() {
        assertEquals(44002, errcode(postApi("/cgi-bin/qrcode/create", token(), "")));
        assertEquals(47001, errcode(postApi("/cgi-bin/qrcode/create", token(), "{not json")));
        assertEquals(40053, errcode(postApi("/cgi-bin/qrcode/create", token(), "{\"action_name\":\"QR_STR_SCENE\","
                + "\"action_info\":{\"scene\":{\"scene_str\":\"" + "x".repeat(65) + "\"}}}")));
        assertEquals(40053, errcode(postApi("/cgi-bin/qrcode/create", token(), "{\"action_name\":\"QR_SCENE\","
                + "\"action_info\":{\"scene\":{\"scene_id\":0}}}")));
        assertEquals(40053, errcode(postApi("/cgi-bin/qrcode/create", token(), "{\"action_name\":\"QR_LIMIT_SCENE\","
                + "\"action_info\":{\"scene\":{\"scene_id\":100001}}}")));
        assertEquals(40053, errcode(postApi("/cgi-bin/qrcode/create", token(), "{\"action_name\":\"QR_NOPE\"}")));
        assertEquals(41001, errcode(postApi("/cgi-bin/qrcode/create", null, "{}")));
        assertEquals(40014, errcode(postApi("/cgi-bin/qrcode/create", "not-a-token", "{}")));
    }

    // ---- pushes and the customer-service window ----

    @Test
    void scanWhenNewThenSubscribeThenScanAndThreeCustomMessagesInOneMinute() {
        aimPushesAtReceiver("compatible");
        SimControl.SimPersonInfo person = sim.newPerson("Push Scan");
        String openId = person.openIdFor(OFFICIAL);
        String ticket = createQr("{\"expire_seconds\":300,\"action_name\":\"QR_STR_SCENE\","
                + "\"action_info\":{\"scene\":{\"scene_str\":\"bind:it-2\"}}}").getString("ticket");

        JsonObject first = sim.scan(ticket, person.id());
        assertEquals("subscribe", first.getString("event"), first.toString());
        assertEquals("delivered", first.getString("status"));
        assertEquals(1, first.getInt("deliveries"));
        assertTrue(first.isNull("reply"));
        WxMpXmlMessage subscribe = receiver.lastMessage();
        assertEquals("qrscene_bind:it-2", subscribe.getEventKey());
        assertEquals(ticket, subscribe.getTicket());
        assertEquals(openId, subscribe.getFromUser());
        assertEquals(sim.pushSettings(OFFICIAL).getString("originalId"), subscribe.getToUser());

        JsonObject again = sim.scan(ticket, person.id());
        assertEquals("SCAN", again.getString("event"));
        assertEquals("bind:it-2", receiver.lastMessage().getEventKey());
        assertEquals(List.of(), receiver.problems());

        for (int i = 1; i <= 3; i++) {
            assertEquals(0, errcode(customText(openId, "Bound to alice " + i)), "message " + i);
        }
        assertEquals(45047, errcode(customText(openId, "one too many")));
        assertEquals(List.of("Bound to alice 1", "Bound to alice 2", "Bound to alice 3"),
                sim.messageTexts(person.id(), "custom"));
        sim.scan(ticket, person.id());
        sim.advanceClock(61);
        assertEquals(45015, errcode(customText(openId, "too late")), "the scan window lasts one minute");
    }

    @Test
    void customSendWhenUserTextedThenFiveThenQuotaAndUnfollowCloses() throws Exception {
        aimPushesAtReceiver("plain");
        SimControl.SimPersonInfo person = sim.newPerson("Push Text");
        String openId = person.openIdFor(OFFICIAL);
        assertEquals(45015, errcode(customText(openId, "never interacted")));
        sim.follow(person.id(), OFFICIAL);
        assertEquals(45015, errcode(customText(openId, "following is no interaction")));

        JsonObject text = sim.sendText(OFFICIAL, person.id(), "bind");
        assertEquals("text", text.getString("msgType"));
        assertTrue(text.isNull("event"));
        assertEquals(receiver.lastMessage().getMsgId().longValue(), text.getJsonNumber("msgId").longValue());
        for (int i = 1; i <= 4; i++) {
            assertEquals(0, errcode(customText(openId, "reply " + i)));
        }
        assertTrue(wxJava.getKefuService().sendKefuMessage(WxMpKefuMessage.TEXT().toUser(openId).content("via WxJava").build()));
        WxErrorException quota = assertThrows(WxErrorException.class, () -> wxJava.getKefuService()
                .sendKefuMessage(WxMpKefuMessage.TEXT().toUser(openId).content("sixth").build()));
        assertEquals(45047, quota.getError().getErrorCode());

        assertEquals("unsubscribe", sim.unfollow(OFFICIAL, person.id()).getString("event"));
        assertEquals("unsubscribe", receiver.lastMessage().getEvent());
        assertEquals(45015, errcode(customText(openId, "subscription is canceled")));
        assertEquals(409, sim.send("POST", "/unfollow", Json.createObjectBuilder().add("appid", OFFICIAL)
                .add("person", person.id()).build().toString()).status(), "no longer following");
    }

    @Test
    void customSendWhenBodyOrOpenIdBadThenErrcodes() {
        SimControl.SimPersonInfo person = sim.newPerson("Push Errors");
        String token = token();
        assertEquals(44002, errcode(postApi("/cgi-bin/message/custom/send", token, "")));
        assertEquals(47001, errcode(postApi("/cgi-bin/message/custom/send", token, "[1,2]")));
        assertEquals(40003, errcode(customText("o-not-an-openid-of-this-app", "x")));
        assertEquals(44004, errcode(postApi("/cgi-bin/message/custom/send", token, "{\"touser\":\""
                + person.openIdFor(OFFICIAL) + "\",\"msgtype\":\"text\",\"text\":{\"content\":\"\"}}")));
        assertEquals(41001, errcode(postApi("/cgi-bin/message/custom/send", null, "{}")));
    }

    @Test
    void scanWhenEachModeThenReceiverVerifiesAndPassiveReplyReachesThePerson() {
        SimControl.SimPersonInfo person = sim.newPerson("Push Modes");
        String ticket = createQr("{\"expire_seconds\":300,\"action_name\":\"QR_SCENE\","
                + "\"action_info\":{\"scene\":{\"scene_id\":4242}}}").getString("ticket");
        for (String mode : List.of("plain", "compatible", "aes")) {
            aimPushesAtReceiver(mode);
            receiver.answer(r -> Receiver.Answer.ok(receiver.textReply(r, "Bound to alice (" + mode + ")",
                    !mode.equals("plain"))));
            JsonObject scanned = sim.scan(ticket, person.id());
            assertEquals("delivered", scanned.getString("status"), scanned.toString());
            assertEquals("Bound to alice (" + mode + ")", scanned.getString("reply"));
            assertEquals(mode, scanned.getString("mode"));
            Receiver.Request request = receiver.last();
            assertEquals(mode.equals("plain") ? null : "aes", request.query().get("encrypt_type"), mode);
            if (mode.equals("aes")) {
                assertFalse(request.body().contains("FromUserName"), "safe mode sends only ToUserName and Encrypt");
            }
        }
        assertEquals(List.of(), receiver.problems());
        assertEquals(List.of("Bound to alice (plain)", "Bound to alice (compatible)", "Bound to alice (aes)"),
                sim.messageTexts(person.id(), "passive"));
        assertEquals(List.of("subscribe", "SCAN", "SCAN"), sim.pushes(OFFICIAL, person.id()).stream()
                .map(p -> p.getString("event")).toList());
    }

    @Test
    void scanWhenServerSlowThenRetriedWithSameMessage() {
        aimPushesAtReceiver("compatible");
        sim.updatePushSettings(OFFICIAL, Json.createObjectBuilder().add("timeoutMs", 500).build());
        SimControl.SimPersonInfo person = sim.newPerson("Push Slow");
        String ticket = createQr("{\"expire_seconds\":300,\"action_name\":\"QR_STR_SCENE\","
                + "\"action_info\":{\"scene\":{\"scene_str\":\"bind:slow\"}}}").getString("ticket");
        int seen = receiver.requests().size();
        receiver.answer(r -> receiver.requests().size() == seen + 1 ? new Receiver.Answer(200, "success", 2000)
                : Receiver.Answer.ok("success"));
        JsonObject scanned = sim.scan(ticket, person.id());
        assertEquals("delivered", scanned.getString("status"), scanned.toString());
        assertEquals(2, scanned.getInt("deliveries"));
        assertEquals("timeout", scanned.getJsonArray("attempts").getJsonObject(0).getString("outcome"));
        List<Receiver.Request> both = receiver.requests().subList(seen, seen + 2);
        assertEquals(both.get(0).plaintext(), both.get(1).plaintext(), "same CreateTime, same event");
        assertNotEquals(both.get(0).query().get("nonce"), both.get(1).query().get("nonce"));
    }

    @Test
    void scanWhenReplyInvalidThenFourDeliveriesFailedAndWeChatNotice() {
        aimPushesAtReceiver("plain");
        SimControl.SimPersonInfo person = sim.newPerson("Push Invalid");
        String ticket = createQr("{\"expire_seconds\":300,\"action_name\":\"QR_STR_SCENE\","
                + "\"action_info\":{\"scene\":{\"scene_str\":\"bind:bad\"}}}").getString("ticket");
        receiver.answer(r -> Receiver.Answer.ok("{\"json\":\"is no reply\"}"));
        JsonObject scanned = sim.scan(ticket, person.id());
        assertEquals("failed", scanned.getString("status"));
        assertEquals(4, scanned.getInt("deliveries"), "one delivery and three retries");
        assertTrue(scanned.getString("problem").contains("success"), scanned.toString());
        assertEquals(List.of("该公众号暂时无法提供服务，请稍后再试"), sim.messageTexts(person.id(), "notice"));
        assertTrue(sim.messages(person.id()).getJsonArray("windows").size() > 0,
                "the scan still opened the customer-service window");
    }

    @Test
    void pushSettingsWhenDefaultThenAppBesideSimulatorAndBadValuesRejected() {
        JsonObject settings = sim.restorePushSettings(OFFICIAL);
        assertEquals(stack.appUrl() + "wechat/push/" + OFFICIAL, settings.getString("url"));
        assertEquals("default", settings.getString("urlSource"));
        assertEquals("compatible", settings.getString("mode"));
        assertEquals(5000, settings.getInt("timeoutMs"));
        assertTrue(settings.getString("originalId").matches("gh_[0-9a-f]{12}"));
        SimControl.Answer bad = sim.send("PUT", "/apps/" + OFFICIAL + "/push-settings", "{\"mode\":\"loud\",\"url\":\"ftp://x\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("mode") && bad.body().contains("url"), bad.body());
        assertFalse(bad.body().contains(PUSH_TOKEN) || bad.body().contains(AES_KEY));
        assertEquals(404, sim.send("GET", "/apps/wxnope/push-settings", null).status());
        assertEquals(404, sim.send("POST", "/scan", "{\"ticket\":\"nope\",\"person\":\"li-na\"}").status());
        SimControl.SimPersonInfo stranger = sim.newPerson("Not Following");
        SimControl.Answer refused = sim.send("POST", "/unfollow", Json.createObjectBuilder().add("appid", OFFICIAL)
                .add("person", stranger.id()).build().toString());
        assertEquals(409, refused.status());
        assertTrue(refused.body().contains("not_following"), refused.body());
    }

    // ---- the phone page and the SMS inbox ----

    @Test
    void phoneWhenScanFormPostedThenRedirectShowsResultAndMessages() throws Exception {
        aimPushesAtReceiver("aes");
        SimControl.SimPersonInfo person = sim.newPerson("<b>Phone</b> 手机");
        String ticket = createQr("{\"expire_seconds\":300,\"action_name\":\"QR_STR_SCENE\","
                + "\"action_info\":{\"scene\":{\"scene_str\":\"bind:phone\"}}}").getString("ticket");
        receiver.answer(r -> Receiver.Answer.ok(receiver.textReply(r, "Bound <to> alice", true)));

        HttpResponse<String> page = phone("GET", "phone?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8),
                person.id(), null);
        assertEquals(200, page.statusCode());
        for (String id : List.of("id=\"ticket\"", "id=\"scan\"", "id=\"messages\"", "id=\"menu-bind\"", "id=\"send-text\"")) {
            assertTrue(page.body().contains(id), id);
        }
        assertTrue(page.body().contains("&lt;b&gt;Phone&lt;/b&gt;") && !page.body().contains("<b>Phone"), "escaped");
        HttpResponse<String> plain = phone("GET", "phone", person.id(), null);
        assertTrue(plain.body().contains("id=\"recent-codes\"") && plain.body().contains("bind:phone"),
                "the newest codes are offered to pick");

        HttpResponse<String> scanned = phone("POST", "phone/scan", person.id(),
                "ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
        assertEquals(303, scanned.statusCode());
        String next = scanned.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> after = phone("GET", next.substring(next.indexOf("phone")), person.id(), null);
        assertTrue(after.body().contains("data-status=\"delivered\""), after.body());
        assertTrue(after.body().contains("Bound &lt;to&gt; alice"), after.body());

        HttpResponse<String> menu = phone("POST", "phone/menu", person.id(), "appid=" + OFFICIAL + "&key=BIND");
        assertEquals(303, menu.statusCode());
        assertEquals("CLICK", receiver.lastMessage().getEvent());
        assertEquals("BIND", receiver.lastMessage().getEventKey());
        HttpResponse<String> messages = phone("GET", "phone/messages?appid=" + OFFICIAL, person.id(), null);
        assertTrue(messages.body().contains("\"kind\":\"passive\""), messages.body());

        HttpResponse<String> nobody = HTTP.send(HttpRequest.newBuilder(URI.create(stack.simulatorUrl() + "phone")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, nobody.statusCode());
        assertTrue(nobody.headers().firstValue("Location").orElse("").contains("choose?continue="));
    }

    @Test
    void phoneInChromiumWhenScannedThenReplyShownAndLaterMessagesAppearWithoutReload() {
        aimPushesAtReceiver("compatible");
        SimControl.SimPersonInfo person = sim.newPerson("Chromium Phone");
        String ticket = createQr("{\"expire_seconds\":300,\"action_name\":\"QR_STR_SCENE\","
                + "\"action_info\":{\"scene\":{\"scene_str\":\"bind:chromium\"}}}").getString("ticket");
        receiver.answer(r -> Receiver.Answer.ok(receiver.textReply(r, "Scanned, welcome", true)));
        ChromeDriver driver = Chromium.start();
        try {
            driver.get(stack.simulatorUrl() + "phone?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
            driver.findElement(By.id("choose-" + person.id())).click(); // no one chosen yet: the chooser, then back
            assertEquals(ticket, driver.findElement(By.id("ticket")).getAttribute("value"));
            driver.findElement(By.id("scan")).click();
            // The page navigates after each action: waits read through Chromium.awaitAttribute.
            WebDriverWait wait = Chromium.await(driver);
            Chromium.awaitAttribute(driver, "result", "data-status", "delivered");
            assertTrue(driver.findElement(By.id("messages")).getText().contains("Scanned, welcome"));

            assertEquals(0, errcode(customText(person.openIdFor(OFFICIAL), "Bound to alice")));
            wait.until(d -> d.findElement(By.id("messages")).getText().contains("Bound to alice"));
            String link = "http://localhost:1/wxbind/wechat/qr-confirm?t=abc";
            assertEquals(0, errcode(customText(person.openIdFor(OFFICIAL), "Confirm here: " + link + " <b>soon</b>")));
            wait.until(d -> !d.findElements(By.cssSelector("#messages a.msg-link")).isEmpty());
            assertEquals(link, driver.findElement(By.cssSelector("#messages a.msg-link")).getAttribute("href"), "links open on tap");
            assertTrue(driver.findElement(By.id("messages")).getText().contains("<b>soon</b>"), "the rest stays text");

            receiver.answer(r -> Receiver.Answer.ok("success"));
            driver.findElement(By.id("text")).sendKeys("hello from the phone");
            driver.findElement(By.id("send-text")).click();
            Chromium.awaitAttribute(driver, "result", "data-event", "text");
            assertEquals("hello from the phone", receiver.lastMessage().getContent());
            driver.findElement(By.id("menu-bind")).click();
            Chromium.awaitAttribute(driver, "result", "data-event", "CLICK");
            assertEquals("BIND", receiver.lastMessage().getEventKey());
            Chromium.screenshot(driver, "sim-phone");
        } finally {
            driver.quit();
        }
    }

    @Test
    void smsWhenSentThenListedNewestLastPerPhone() {
        String phone = "+86 138" + (System.nanoTime() % 100_000_000L);
        sim.sendSms(phone, "Your code is 111111");
        JsonObject second = sim.sendSms(phone, "Your code is 222222");
        sim.sendSms("+86 13900000000", "someone else");
        List<JsonObject> inbox = sim.sms(phone);
        assertEquals(List.of("Your code is 111111", "Your code is 222222"), inbox.stream().map(m -> m.getString("text")).toList());
        assertEquals(second.getJsonNumber("id").longValue(), inbox.get(1).getJsonNumber("id").longValue());
        assertEquals(400, sim.send("POST", "/sms", "{\"phone\":\"call me\",\"text\":\"x\"}").status());
        assertEquals(400, sim.send("POST", "/sms", "{\"phone\":\"123456\",\"text\":\"\"}").status());
    }

    // ---- helpers ----

    private static void aimPushesAtReceiver(String mode) {
        JsonObject settings = sim.updatePushSettings(OFFICIAL, Json.createObjectBuilder().add("url", receiver.url())
                .add("mode", mode).build());
        assertEquals("override", settings.getString("urlSource"));
    }

    /** The official account's server token from stable_token, the token the app under test shares. */
    private static String token() {
        String body = Json.createObjectBuilder().add("grant_type", "client_credential").add("appid", OFFICIAL)
                .add("secret", OFFICIAL_SECRET).add("force_refresh", false).build().toString();
        JsonObject json = json(send(HttpRequest.newBuilder(URI.create(stack.simulatorApiUrl() + "/cgi-bin/stable_token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).body());
        return json.getString("access_token");
    }

    private static JsonObject createQr(String body) {
        JsonObject json = json(postApi("/cgi-bin/qrcode/create", token(), body));
        assertFalse(json.containsKey("errcode"), json.toString());
        return json;
    }

    private static String customText(String openId, String content) {
        return postApi("/cgi-bin/message/custom/send", token(), Json.createObjectBuilder().add("touser", openId)
                .add("msgtype", "text").add("text", Json.createObjectBuilder().add("content", content)).build().toString());
    }

    private static String postApi(String path, String accessToken, String body) {
        String query = accessToken == null ? "" : "?access_token=" + accessToken;
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(stack.simulatorApiUrl() + path + query))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json; encoding=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        return r.body();
    }

    private static int errcode(String body) {
        JsonObject json = json(body);
        return json.containsKey("errcode") ? json.getInt("errcode") : 0;
    }

    private static HttpResponse<byte[]> showQrCode(String encodedTicket) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(stack.simulatorMpUrl() + "/cgi-bin/showqrcode?ticket="
                    + encodedTicket)).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String decodeQr(byte[] imageBytes) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(imageBytes));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }

    /** The phone page as a browser of {@code personId} (the simulator's test header instead of the cookie). */
    private static HttpResponse<String> phone(String method, String pathAndQuery, String personId, String form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.simulatorUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).header("X-WeChat-Sim-Person", personId);
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(b.build());
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

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /**
     * A developer server for this test: checks {@code signature}, and in the encrypted modes
     * {@code msg_signature} and the decryption, with WxJava ({@code SHA1}, {@code WxCryptUtil}); records
     * each request; answers as the test says, optionally late.
     */
    static final class Receiver implements AutoCloseable {

        record Request(Map<String, String> query, String body, String plaintext) {
        }

        record Answer(int status, String body, long delayMs) {
            static Answer ok(String body) {
                return new Answer(200, body, 0);
            }
        }

        private final String token;
        private final WxCryptUtil crypt;
        private final HttpServer server;
        private final ExecutorService executor = Executors.newCachedThreadPool();
        private final List<Request> requests = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private volatile Function<Request, Answer> behaviour = r -> Answer.ok("success");

        Receiver(String token, String aesKey, String appId) {
            this.token = token;
            this.crypt = new WxCryptUtil(token, aesKey, appId);
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/wechat/push", this::handle);
            server.setExecutor(executor);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/wechat/push";
        }

        void answer(Function<Request, Answer> answer) {
            behaviour = answer;
        }

        synchronized List<Request> requests() {
            return List.copyOf(requests);
        }

        synchronized Request last() {
            return requests.get(requests.size() - 1);
        }

        synchronized List<String> problems() {
            return List.copyOf(problems);
        }

        WxMpXmlMessage lastMessage() {
            return WxMpXmlMessage.fromXml(last().plaintext());
        }

        /** A passive text reply to {@code request}'s sender, encrypted by WxJava when asked. */
        String textReply(Request request, String content, boolean encrypted) {
            WxMpXmlMessage in = WxMpXmlMessage.fromXml(request.plaintext());
            String xml = "<xml><ToUserName><![CDATA[" + in.getFromUser() + "]]></ToUserName><FromUserName><![CDATA["
                    + in.getToUser() + "]]></FromUserName><CreateTime>" + (System.currentTimeMillis() / 1000)
                    + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content
                    + "]]></Content></xml>";
            return encrypted ? crypt.encrypt(xml) : xml;
        }

        private void handle(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Request request = new Request(query, body, verify(query, body));
            synchronized (this) {
                requests.add(request);
            }
            Answer answer = behaviour.apply(request);
            try {
                if (answer.delayMs() > 0) {
                    Thread.sleep(answer.delayMs());
                }
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (InterruptedException | IOException e) {
                // the simulator stopped waiting (its timeout): the answer goes nowhere
            } finally {
                exchange.close();
            }
        }

        private String verify(Map<String, String> q, String body) {
            if (!SHA1.gen(token, q.get("timestamp"), q.get("nonce")).equals(q.get("signature"))) {
                problem("signature mismatch: " + q);
            }
            if (!"aes".equals(q.get("encrypt_type"))) {
                return body;
            }
            try {
                return crypt.decryptXml(q.get("msg_signature"), q.get("timestamp"), q.get("nonce"), body);
            } catch (RuntimeException e) {
                problem("msg_signature or decryption failed: " + e);
                return body;
            }
        }

        private synchronized void problem(String problem) {
            problems.add(problem);
        }

        private static Map<String, String> query(String raw) {
            Map<String, String> params = new LinkedHashMap<>();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int eq = pair.indexOf('=');
                    params.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return params;
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
