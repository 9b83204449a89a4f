package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.ItSupport;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Binding by parametric QR over real HTTP: a logged-in user creates a QR, a WeChat user scans
 * it in the simulator, the simulator pushes a signed subscribe/SCAN event to the app in each
 * push mode, the page hears of it by Server-Sent Events, the scanner gets a notice.
 */
class QrBindingIT {

    private static final String PUSH_SETTINGS = "/apps/" + APP_ID + "/push-settings";

    @AfterEach
    void restorePushSettings() {
        control("DELETE", PUSH_SETTINGS, null);
    }

    /** A web user (bob, logged in through WeChat) and a QR of theirs. */
    private record Started(WeChatBrowser owner, String app, JsonObject qr) {
        String ticket() {
            String url = qr.getString("imageUrl");
            return URLDecoder.decode(url.substring(url.indexOf("ticket=") + 7), StandardCharsets.UTF_8);
        }
    }

    private static Started startQr(String app) {
        SimControl.SimPersonInfo owner = bindNewPerson("bob", "bob-password");
        WeChatBrowser b = new WeChatBrowser(owner.id());
        b.open(app + "app/");
        WeChatBrowser.Page created = b.post(app + "api/wechat/qr-bindings", Map.of());
        assertEquals(201, created.status(), created.body());
        return new Started(b, app, Json.createReader(new StringReader(created.body())).readObject());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "compatible", "aes"})
    void scanWhenNewFollowerThenBoundNoticeSentAndPageHearsBySse(String mode) throws Exception {
        control("PUT", PUSH_SETTINGS, Json.createObjectBuilder().add("mode", mode).build());
        Started s = startQr(stack().appUrl());
        CompletableFuture<String> events = sse(s, s.qr().getString("eventsUrl"));
        SimControl.SimPersonInfo scanner = sim().newPerson("Scanner " + mode);
        JsonObject scan = control("POST", "/scan", Json.createObjectBuilder().add("ticket", s.ticket()).add("person", scanner.id()).build());
        assertEquals("subscribe", scan.getString("event"), scan.toString());
        assertTrue(scan.getString("reply", "").contains("bound to account bob"), scan.toString());
        String stream = events.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(stream.contains("\"status\":\"pending\"") && stream.contains("\"status\":\"bound\""), stream);
        assertEquals("bob", boundAccount(APP_ID, scanner.openIdFor(APP_ID)));
        WeChatBrowser.Page status = s.owner().get(s.app() + "api/wechat/qr-bindings/" + s.qr().getString("id"));
        assertTrue(status.body().contains("\"status\":\"bound\""), status.body());
        assertTrue(messages(scanner).contains("bound to account bob"), "the scanner was told in WeChat");
        assertEquals(scanner.unionIdFor(ItSupport.OPEN_PLATFORM), eventuallyUnionId(scanner.openIdFor(APP_ID)),
                "the unionid from user/info is attached after the push was answered");
    }

    private static String eventuallyUnionId(String openId) throws Exception {
        String union = null;
        for (int i = 0; i < 50 && union == null; i++) {
            try (var c = stack().database().connect();
                 var ps = c.prepareStatement("select union_id from wxbind_wechat_openid where app_id = ? and open_id = ?")) {
                ps.setString(1, APP_ID);
                ps.setString(2, openId);
                try (var rs = ps.executeQuery()) {
                    union = rs.next() ? rs.getString(1) : null;
                }
            }
            if (union == null) {
                Thread.sleep(100);
            }
        }
        return union;
    }

    @Test
    void scanWhenSceneReusedOrExpiredThenRefusedAndNothingChanges() {
        Started s = startQr(stack().appUrl());
        SimControl.SimPersonInfo first = sim().newPerson("First scanner");
        control("POST", "/scan", Json.createObjectBuilder().add("ticket", s.ticket()).add("person", first.id()).build());
        SimControl.SimPersonInfo second = sim().newPerson("Second scanner");
        JsonObject again = control("POST", "/scan", Json.createObjectBuilder().add("ticket", s.ticket()).add("person", second.id()).build());
        assertTrue(again.getString("reply", "").contains("expired or was already used"), again.toString());
        assertNull(boundAccount(APP_ID, second.openIdFor(APP_ID)));

        Started late = startQr(stack().appUrl());
        ItSupport.update("update wxbind_qr_scene set expires_at = now() - interval '1 second' where id = ?", late.qr().getString("id"));
        SimControl.SimPersonInfo third = sim().newPerson("Late scanner");
        JsonObject expired = control("POST", "/scan", Json.createObjectBuilder().add("ticket", late.ticket()).add("person", third.id()).build());
        assertTrue(expired.getString("reply", "").contains("expired"), expired.toString());
        assertNull(boundAccount(APP_ID, third.openIdFor(APP_ID)));
        assertTrue(late.owner().get(late.app() + "api/wechat/qr-bindings/" + late.qr().getString("id")).body().contains("\"status\":\"expired\""));
    }

    @Test
    void scanWhenOpenIdBoundToSomeoneElseThenRefusedBothSidesTold() {
        SimControl.SimPersonInfo alices = bindNewPerson("alice", "alice-password");
        Started s = startQr(stack().appUrl());
        JsonObject scan = control("POST", "/scan", Json.createObjectBuilder().add("ticket", s.ticket()).add("person", alices.id()).build());
        assertTrue(scan.getString("reply", "").contains("already bound to another account"), scan.toString());
        assertEquals("alice", boundAccount(APP_ID, alices.openIdFor(APP_ID)));
        WeChatBrowser.Page status = s.owner().get(s.app() + "api/wechat/qr-bindings/" + s.qr().getString("id"));
        assertTrue(status.body().contains("\"status\":\"refused\""), status.body());
    }

    @Test
    void qrBindingsWhenNotLoggedInOrForeignThen401Or404() {
        WeChatBrowser anonymous = new WeChatBrowser("nobody");
        assertEquals(401, anonymous.post(stack().appUrl() + "api/wechat/qr-bindings", Map.of()).status());
        Started s = startQr(stack().appUrl());
        SimControl.SimPersonInfo other = bindNewPerson("alice", "alice-password");
        WeChatBrowser alice = new WeChatBrowser(other.id());
        alice.open(stack().appUrl() + "app/");
        assertEquals(404, alice.get(stack().appUrl() + "api/wechat/qr-bindings/" + s.qr().getString("id")).status());
    }

    @Test
    void scanWhenPushLandsOnAnotherNodeThenSsePageStillLearnsIt() throws Exception {
        String other = stack().startExtraNode("register", Map.of("wechat.first-login", "register")).url("/wxbind/");
        control("PUT", PUSH_SETTINGS, Json.createObjectBuilder().add("url", other + "wechat/push/" + APP_ID).build());
        Started s = startQr(stack().appUrl());
        CompletableFuture<String> events = sse(s, s.qr().getString("eventsUrl"));
        SimControl.SimPersonInfo scanner = sim().newPerson("Cross-node scanner");
        control("POST", "/scan", Json.createObjectBuilder().add("ticket", s.ticket()).add("person", scanner.id()).build());
        assertTrue(events.get(20, java.util.concurrent.TimeUnit.SECONDS).contains("\"status\":\"bound\""));
        assertEquals("bob", boundAccount(APP_ID, scanner.openIdFor(APP_ID)));
    }

    /**
     * Opens the SSE stream and waits until it is connected (so the scan happens while the page
     * listens), then reads it to its end: the server closes it after the final status.
     */
    private static CompletableFuture<String> sse(Started s, String eventsUrl) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(s.owner().cookies()).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(s.app()).resolve(eventsUrl)).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<java.util.stream.Stream<String>> connected = http.sendAsync(req, HttpResponse.BodyHandlers.ofLines())
                .get(15, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, connected.statusCode());
        java.util.Iterator<String> lines = connected.body().iterator();
        StringBuilder seen = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            seen.append(line).append('\n');
            if (line.contains("\"status\":\"pending\"")) {
                break; // the page has its first status: now let the scan happen
            }
        }
        return CompletableFuture.supplyAsync(() -> {
            lines.forEachRemaining(l -> seen.append(l).append('\n'));
            return seen.toString();
        });
    }

    private static String messages(SimControl.SimPersonInfo person) {
        return control("GET", "/people/" + person.id() + "/messages", null).toString();
    }

    static JsonObject control(String method, String path, JsonObject body) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack().simulatorControlUrl() + path))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() < 300, method + " " + path + " → " + r.statusCode() + " " + r.body());
            String text = r.body() == null ? "" : r.body().trim();
            return text.startsWith("{") ? Json.createReader(new StringReader(text)).readObject()
                    : Json.createObjectBuilder().add("items", text).build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
