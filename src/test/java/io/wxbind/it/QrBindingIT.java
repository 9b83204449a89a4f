package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.assertCaller;
import static io.wxbind.it.support.ItSupport.assertNoStackTrace;
import static io.wxbind.it.support.ItSupport.assertProblemPage;
import static io.wxbind.it.support.ItSupport.bindNewPerson;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.count;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.ItSupport;
import io.wxbind.it.support.QrPhone;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Binding by parametric QR over real HTTP: a logged-in user (fresh login, within the per-account
 * cap) creates a QR, a WeChat user scans it in the simulator, the simulator pushes a signed
 * subscribe/SCAN event to the app in each push mode, the scanner gets a confirm link and confirms
 * (or not) on the phone, the page hears of each step by Server-Sent Events.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
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
    void scanWhenNewFollowerThenScannedThenConfirmedOnPhoneThenBoundAndPageHearsBySse(String mode) throws Exception {
        control("PUT", PUSH_SETTINGS, Json.createObjectBuilder().add("mode", mode).build());
        Started s = startQr(stack().appUrl());
        QrPhone.Follower events = QrPhone.follow(s.owner(), URI.create(s.app()).resolve(s.qr().getString("eventsUrl")).toString())
                .awaitStatus("pending");
        SimControl.SimPersonInfo scanner = sim().newPerson("Scanner " + mode);
        JsonObject scan = control("POST", "/scan", Json.createObjectBuilder().add("ticket", s.ticket()).add("person", scanner.id()).build());
        events.awaitStatus("scanned");
        assertEquals("subscribe", scan.getString("event"), scan.toString());
        String link = QrPhone.confirmLink(scan);
        assertFalse(scan.getString("reply").contains("bob"), "the reply names no account: " + scan);
        assertNull(boundAccount(APP_ID, scanner.openIdFor(APP_ID)), "a scan alone binds nothing");
        assertTrue(messages(scanner).contains("/wechat/qr-confirm?t="), "the scanner got the link in WeChat");

        WeChatBrowser phone = new WeChatBrowser(scanner.id());
        WeChatBrowser.Page question = QrPhone.question(phone, link);
        assertTrue(question.body().contains("Bind this WeChat to account b*** on localhost"), question.body());
        WeChatBrowser.Page done = QrPhone.answer(phone, question, "confirm");
        assertEquals("bound", QrPhone.outcome(done), done.body());

        String stream = events.end();
        int scanned = stream.indexOf("\"status\":\"scanned\"");
        assertTrue(stream.contains("\"status\":\"pending\"") && scanned > 0 && stream.indexOf("\"status\":\"bound\"") > scanned, stream);
        assertEquals("bob", boundAccount(APP_ID, scanner.openIdFor(APP_ID)));
        WeChatBrowser.Page status = s.owner().get(s.app() + "api/wechat/qr-bindings/" + s.qr().getString("id"));
        assertTrue(status.body().contains("\"status\":\"bound\""), status.body());
        assertEquals(scanner.unionIdFor(ItSupport.OPEN_PLATFORM), eventuallyUnionId(scanner.openIdFor(APP_ID)),
                "the unionid from user/info is bound with the openid");
    }

    @io.wxbind.it.support.Hostile
    /**
     * The bind-QR attack: an attacker's bind code shown to a victim. The scan binds nothing; the
     * victim is shown whose account it is and answers "Not me"; the attacker's page is told.
     */
    @Test
    void bindQrAttackWhenVictimScansThenNothingBoundWithoutConfirmAndNotMeCancels() {
        Started attacker = startQr(stack().appUrl());
        SimControl.SimPersonInfo victim = sim().newPerson("Bind victim");
        long bindings = count("select count(*) from wxbind_wechat_openid");
        long unionIds = count("select count(*) from wxbind_wechat_unionid");
        String link = QrPhone.confirmLink(control("POST", "/scan", Json.createObjectBuilder().add("ticket", attacker.ticket())
                .add("person", victim.id()).build()));
        assertNull(boundAccount(APP_ID, victim.openIdFor(APP_ID)));
        assertEquals(bindings, count("select count(*) from wxbind_wechat_openid"));
        String status = attacker.owner().get(attacker.app() + "api/wechat/qr-bindings/" + attacker.qr().getString("id")).body();
        assertTrue(status.contains("\"status\":\"scanned\""), status);

        WeChatBrowser phone = new WeChatBrowser(victim.id());
        WeChatBrowser.Page notMe = QrPhone.answer(phone, QrPhone.question(phone, link), "not-me");
        assertEquals("cancelled", QrPhone.outcome(notMe), notMe.body());
        assertNull(boundAccount(APP_ID, victim.openIdFor(APP_ID)));
        assertEquals(bindings, count("select count(*) from wxbind_wechat_openid"));
        assertEquals(unionIds, count("select count(*) from wxbind_wechat_unionid"));
        status = attacker.owner().get(attacker.app() + "api/wechat/qr-bindings/" + attacker.qr().getString("id")).body();
        assertTrue(status.contains("\"status\":\"cancelled\"") && status.contains("Cancelled on the phone"), status);
        assertProblemPage(phone.open(link).last(), 400, "qr_confirm_invalid");
    }

    @io.wxbind.it.support.Hostile
    /** Point 10: a QR bind checks the unionid as the web bind does (one person, one account). */
    @Test
    void confirmWhenScannersUnionIdBoundToAnotherAccountThenConflictAndNothingBound() {
        Started s = startQr(stack().appUrl());
        SimControl.SimPersonInfo person = sim().newPerson("Union elsewhere");
        String union = person.unionIdFor(ItSupport.OPEN_PLATFORM);
        ItSupport.update("insert into wxbind_wechat_unionid (union_id, account_name, bound_at) values (?, 'alice', now())", union);
        try {
            String link = QrPhone.confirmLink(control("POST", "/scan", Json.createObjectBuilder().add("ticket", s.ticket())
                    .add("person", person.id()).build()));
            long bindings = count("select count(*) from wxbind_wechat_openid");
            WeChatBrowser phone = new WeChatBrowser(person.id());
            assertProblemPage(QrPhone.answer(phone, QrPhone.question(phone, link), "confirm"), 409, "binding_conflict");
            assertNull(boundAccount(APP_ID, person.openIdFor(APP_ID)));
            assertEquals(bindings, count("select count(*) from wxbind_wechat_openid"));
            assertEquals(1, count("select count(*) from wxbind_wechat_unionid where union_id = ? and account_name = 'alice'", union));
            String status = s.owner().get(s.app() + "api/wechat/qr-bindings/" + s.qr().getString("id")).body();
            assertTrue(status.contains("\"status\":\"refused\""), status);
        } finally {
            ItSupport.update("delete from wxbind_wechat_unionid where union_id = ?", union);
        }
    }

    /** Point 2: the account holder hears of a new binding on the WeChat already bound to the account. */
    @Test
    void confirmWhenNewWeChatBoundThenAccountsOtherWeChatNotified() throws Exception {
        Started s = startQr(stack().appUrl());
        SimControl.SimPersonInfo existing = sim().newPerson("Existing binding");
        WeChatBrowser existingPhone = new WeChatBrowser(existing.id());
        ItSupport.submitBind(existingPhone, stack().appUrl(), ItSupport.ticketFromBindPage(existingPhone.open(stack().appUrl() + "app/")),
                "bob", "bob-password");
        sim().sendText(APP_ID, existing.id(), "hello"); // opens their 48-hour window for customer-service messages
        sim().clearMessages(existing.id());

        SimControl.SimPersonInfo newcomer = sim().newPerson("New binding");
        String link = QrPhone.confirmLink(control("POST", "/scan", Json.createObjectBuilder().add("ticket", s.ticket())
                .add("person", newcomer.id()).build()));
        WeChatBrowser phone = new WeChatBrowser(newcomer.id());
        assertEquals("bound", QrPhone.outcome(QrPhone.answer(phone, QrPhone.question(phone, link), "confirm")));
        java.util.List<String> notices = java.util.List.of();
        for (int i = 0; i < 100 && notices.isEmpty(); i++) {
            notices = sim().messageTexts(existing.id(), "custom");
            if (notices.isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains("another WeChat was just bound to your account"), notices.toString());
        assertTrue(sim().messageTexts(newcomer.id(), "custom").isEmpty(), "the new WeChat is not told about itself");
    }

    @io.wxbind.it.support.Hostile
    @Test
    void createWhenBearerTokenThenFreshLoginRequired() {
        Started s = startQr(stack().appUrl());
        WeChatBrowser.Page issued = s.owner().post(s.app() + "api/wechat/tokens", Map.of());
        assertEquals(201, issued.status(), issued.body());
        String token = Json.createReader(new StringReader(issued.body())).readObject().getString("access_token");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long scenes = count("select count(*) from wxbind_qr_scene");
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.app() + "api/wechat/qr-bindings"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"error\":\"fresh_login_required\""), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertEquals(scenes, count("select count(*) from wxbind_qr_scene"), "no QR code, no WeChat call");
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

    @io.wxbind.it.support.Hostile
    @Test
    void scanWhenSceneReusedOrExpiredThenRefusedAndNothingChanges() {
        Started s = startQr(stack().appUrl());
        SimControl.SimPersonInfo first = sim().newPerson("First scanner");
        control("POST", "/scan", Json.createObjectBuilder().add("ticket", s.ticket()).add("person", first.id()).build());
        SimControl.SimPersonInfo second = sim().newPerson("Second scanner");
        JsonObject again = control("POST", "/scan", Json.createObjectBuilder().add("ticket", s.ticket()).add("person", second.id()).build());
        assertTrue(again.getString("reply", "").contains("Someone else has already scanned"), again.toString());
        assertFalse(again.getString("reply", "").contains("qr-confirm"), "no link for a second scanner");
        assertNull(boundAccount(APP_ID, second.openIdFor(APP_ID)));

        Started late = startQr(stack().appUrl());
        ItSupport.update("update wxbind_qr_scene set expires_at = now() - interval '1 second' where id = ?", late.qr().getString("id"));
        SimControl.SimPersonInfo third = sim().newPerson("Late scanner");
        JsonObject expired = control("POST", "/scan", Json.createObjectBuilder().add("ticket", late.ticket()).add("person", third.id()).build());
        assertTrue(expired.getString("reply", "").contains("expired"), expired.toString());
        assertNull(boundAccount(APP_ID, third.openIdFor(APP_ID)));
        assertTrue(late.owner().get(late.app() + "api/wechat/qr-bindings/" + late.qr().getString("id")).body().contains("\"status\":\"expired\""));
    }

    @io.wxbind.it.support.Hostile
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

    @io.wxbind.it.support.Hostile
    @Test
    void qrBindingsWhenNotLoggedInOrForeignThen401Or404() {
        WeChatBrowser anonymous = new WeChatBrowser("nobody");
        assertEquals(401, anonymous.post(stack().appUrl() + "api/wechat/qr-bindings", Map.of()).status());
        Started s = startQr(stack().appUrl());
        SimControl.SimPersonInfo other = bindNewPerson("alice", "alice-password");
        WeChatBrowser alice = new WeChatBrowser(other.id());
        alice.open(stack().appUrl() + "app/");
        assertEquals(404, alice.get(stack().appUrl() + "api/wechat/qr-bindings/" + s.qr().getString("id")).status());
        WeChatBrowser.Page foreignEvents = alice.get(stack().appUrl() + "api/wechat/qr-bindings/" + s.qr().getString("id") + "/events");
        assertEquals(404, foreignEvents.status(), foreignEvents.body());
        assertTrue(foreignEvents.contentType().startsWith("application/json") && foreignEvents.body().contains("\"not_found\""),
                foreignEvents.contentType() + " " + foreignEvents.body());
    }

    /**
     * The scan lands on another node, whose link the phone opens there (a balancer sent it there):
     * the page on the first node still learns of each step. The same node, configured with tight
     * limits, shows the bind QR caps and the SSE caps.
     */
    @Test
    void scanWhenPushAndConfirmLandOnAnotherNodeThenSsePageStillLearnsIt() throws Exception {
        String other = strictNode();
        control("PUT", PUSH_SETTINGS, Json.createObjectBuilder().add("url", other + "wechat/push/" + APP_ID).build());
        Started s = startQr(stack().appUrl());
        CompletableFuture<String> events = sse(s, s.qr().getString("eventsUrl"));
        SimControl.SimPersonInfo scanner = sim().newPerson("Cross-node scanner");
        String link = QrPhone.confirmLink(control("POST", "/scan", Json.createObjectBuilder().add("ticket", s.ticket())
                .add("person", scanner.id()).build()));
        assertTrue(link.startsWith(other), link);
        WeChatBrowser phone = new WeChatBrowser(scanner.id());
        assertEquals("bound", QrPhone.outcome(QrPhone.answer(phone, QrPhone.question(phone, link), "confirm")));
        assertTrue(events.get(20, java.util.concurrent.TimeUnit.SECONDS).contains("\"status\":\"bound\""));
        assertEquals("bob", boundAccount(APP_ID, scanner.openIdFor(APP_ID)));
    }

    @io.wxbind.it.support.Hostile
    @Test
    void createWhenAccountHadItsShareOrLoginNotFreshThenRefusedWithClearJson() throws Exception {
        String node = strictNode();
        SimControl.SimPersonInfo owner = bindNewPerson("alice", "alice-password");
        WeChatBrowser b = new WeChatBrowser(owner.id());
        assertCaller(b.open(node + "app/").last(), "alice");
        long before = count("select count(*) from wxbind_qr_scene where account_name = 'alice'");
        // The cap counts alice's codes of the last 10 minutes on every node, whoever made them.
        WeChatBrowser.Page refused = null;
        for (int i = 0; i <= STRICT_BIND_PER_ACCOUNT && refused == null; i++) {
            WeChatBrowser.Page created = b.post(node + "api/wechat/qr-bindings", Map.of());
            if (created.status() == 429) {
                refused = created;
            } else {
                assertEquals(201, created.status(), created.body());
            }
        }
        assertNotNull(refused, "no refusal after " + (STRICT_BIND_PER_ACCOUNT + 1) + " codes");
        assertTrue(refused.body().contains("\"error\":\"too_many_qr_codes\""), refused.body());
        assertTrue(refused.contentType().startsWith("application/json"), refused.contentType());
        assertNoStackTrace(refused.body());
        long made = count("select count(*) from wxbind_qr_scene where account_name = 'alice'") - before;
        assertTrue(made <= STRICT_BIND_PER_ACCOUNT, made + " codes");
        assertEquals(made, count("select count(*) from wxbind_qr_scene where account_name = 'alice'") - before, "the refusal made none");

        Thread.sleep((STRICT_FRESH_SECONDS + 1) * 1000L);
        WeChatBrowser.Page stale = b.post(node + "api/wechat/qr-bindings", Map.of());
        assertEquals(403, stale.status(), stale.body());
        assertTrue(stale.body().contains("\"error\":\"fresh_login_required\""), stale.body());
    }

    @io.wxbind.it.support.Hostile
    @Test
    void eventsWhenBrowserOrNodeHoldsTooManyStreamsThen429AndFreedWhenClosed() throws Exception {
        String node = strictNode();
        WeChatBrowser desktop = new WeChatBrowser("nobody");
        String events = loginEvents(desktop, node);
        java.util.List<AutoCloseable> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < STRICT_SSE_PER_BROWSER; i++) {
                open.add(QrPhone.hold(desktop, events));
            }
            HttpResponse<String> perBrowser = QrPhone.tryFollow(desktop, events);
            assertEquals(429, perBrowser.statusCode(), perBrowser.body());
            assertTrue(perBrowser.body().contains("too_many_streams") && perBrowser.body().contains("This browser"), perBrowser.body());
            assertTrue(perBrowser.headers().firstValue("Retry-After").isPresent());

            for (int i = open.size(); i < STRICT_SSE_PER_NODE; i++) {
                WeChatBrowser other = new WeChatBrowser("nobody");
                open.add(QrPhone.hold(other, loginEvents(other, node)));
            }
            WeChatBrowser late = new WeChatBrowser("nobody");
            HttpResponse<String> perNode = QrPhone.tryFollow(late, loginEvents(late, node));
            assertEquals(429, perNode.statusCode(), perNode.body());
            assertTrue(perNode.body().contains("too_many_streams") && perNode.body().contains("server"), perNode.body());
        } finally {
            for (AutoCloseable c : open) {
                c.close();
            }
        }
        // A client that left is noticed when a write fails (a ping every 5 s; the first one after a close may still
        // be accepted by the network) and its place freed.
        WeChatBrowser again = new WeChatBrowser("nobody");
        String url = loginEvents(again, node);
        int status = 0;
        for (int i = 0; i < 60 && status != 200; i++) {
            status = QrPhone.tryFollowStatus(again, url);
            if (status != 200) {
                Thread.sleep(1000);
            }
        }
        assertEquals(200, status, "places freed after the clients left");
    }

    static final int STRICT_BIND_PER_ACCOUNT = 2;
    static final int STRICT_FRESH_SECONDS = 12;
    static final int STRICT_SSE_PER_BROWSER = 2;
    static final int STRICT_SSE_PER_NODE = 3;

    /** A second node on the same database, its own public URL, tight QR limits. */
    private static String strictNode() {
        return stack().startExtraAppNodeWithOwnUrl("qr-strict", Map.of(
                "wechat.qr.bind-per-account", String.valueOf(STRICT_BIND_PER_ACCOUNT),
                "wechat.qr.bind-fresh-login-seconds", String.valueOf(STRICT_FRESH_SECONDS),
                "wechat.qr.sse-per-browser", String.valueOf(STRICT_SSE_PER_BROWSER),
                "wechat.qr.sse-per-node", String.valueOf(STRICT_SSE_PER_NODE))).url("/wxbind/");
    }

    /** Opens the QR login page on {@code node} in {@code desktop}; returns its events URL. */
    private static String loginEvents(WeChatBrowser desktop, String node) {
        WeChatBrowser.Page page = desktop.get(node + "wechat/qr-login");
        assertEquals(200, page.status(), page.body());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-events-url=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find(), page.body());
        return page.uri().resolve(m.group(1).replace("&amp;", "&")).toString();
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
