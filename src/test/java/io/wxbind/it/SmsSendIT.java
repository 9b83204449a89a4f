package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.assertNoStackTrace;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static io.wxbind.it.support.ItSupport.ticketFromBindPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.ItSupport;
import io.wxbind.it.support.WeChatBrowser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /wechat/sms/send} over real HTTP: only a browser holding its own bind ticket may
 * ask for a code; the throttles answer 429 with the wait; a number without an account gets the
 * same answer. Every test starts from an empty send log (all requests come from 127.0.0.1, whose
 * hourly budget the IP test uses up) and leaves it empty for other tests.
 */
class SmsSendIT {

    private static final Logger LOG = Logger.getLogger(SmsSendIT.class.getName());
    private static final String ALICE_PHONE = "+8613800000001";
    private static String app;

    @BeforeAll
    static void stackUp() {
        app = stack().appUrl();
    }

    @BeforeEach
    void emptySendLog() {
        forgetSends();
    }

    @AfterAll
    static void forgetSends() {
        ItSupport.update("delete from wxbind_sms_send");
        ItSupport.update("delete from wxbind_sms_code");
    }

    /** A WeChat user with no binding, on the bind page: the browser and its ticket. */
    private record OnBindPage(WeChatBrowser browser, String ticket) {
    }

    private static OnBindPage onBindPage(String nickname) {
        WeChatBrowser b = new WeChatBrowser(sim().newPerson(nickname).id());
        return new OnBindPage(b, ticketFromBindPage(b.open(app + "app/")));
    }

    private static WeChatBrowser.Page send(OnBindPage p, String phone) {
        return p.browser().post(app + "wechat/sms/send", Map.of("ticket", p.ticket(), "phone", phone));
    }

    private static JsonObject json(WeChatBrowser.Page page, int status) {
        assertEquals(status, page.status(), page.body());
        assertTrue(page.contentType().startsWith("application/json"), page.contentType());
        assertNoStackTrace(page.body());
        return Json.createReader(new StringReader(page.body())).readObject();
    }

    @Test
    void sendWhenBindTicketValidThenSentThenThrottledPerPhone() {
        OnBindPage p = onBindPage("Sms Alice");
        JsonObject sent = json(send(p, "138 0000 0001"), 200);
        assertTrue(sent.getBoolean("sent"), sent.toString());
        assertEquals(60, sent.getInt("resendAfterSeconds"));
        assertEquals(300, sent.getInt("expiresInSeconds"));

        JsonObject again = json(send(p, ALICE_PHONE), 429);
        assertEquals("throttled", again.getString("error"));
        int wait = again.getInt("retryAfterSeconds");
        assertTrue(wait >= 1 && wait <= 60, again.toString());
        assertTrue(again.getString("message").contains("seconds"), again.toString());

        assertEquals(1, count("select count(*) from wxbind_sms_code where phone = '" + ALICE_PHONE
                + "' and code_hash ~ '^[0-9a-f]{64}$'"), "one code, stored as a hash");
        inboxCode(ALICE_PHONE).ifPresent(code -> assertTrue(code.matches("[0-9]{6}"), code));
    }

    @Test
    void sendWhenPhoneHasNoAccountThenSameAnswerAndNoSms() {
        OnBindPage p = onBindPage("Sms Nobody");
        String unknown = "+8613911112222";
        JsonObject forUnknown = json(send(p, unknown), 200);
        JsonObject forAlice = json(send(p, ALICE_PHONE), 200);
        assertEquals(forAlice.keySet(), forUnknown.keySet());
        assertEquals(forAlice.getInt("resendAfterSeconds"), forUnknown.getInt("resendAfterSeconds"));
        assertEquals(forAlice.getString("message").replace(ALICE_PHONE, unknown), forUnknown.getString("message"));
        assertEquals(json(send(p, ALICE_PHONE), 429).getString("message"), json(send(p, unknown), 429).getString("message"));
        if (inboxCode(ALICE_PHONE).isPresent()) {
            assertTrue(inboxCode(unknown).isEmpty(), "an SMS went to a number without account");
        }
    }

    @Test
    void sendWhenTicketMissingForeignOrForgedThen400TicketInvalid() {
        OnBindPage owner = onBindPage("Sms Owner");
        WeChatBrowser thief = new WeChatBrowser("nobody");
        assertEquals("ticket_invalid", json(send(new OnBindPage(thief, owner.ticket()), ALICE_PHONE), 400).getString("error"));
        assertEquals("ticket_invalid", json(owner.browser().post(app + "wechat/sms/send", Map.of("phone", ALICE_PHONE)), 400)
                .getString("error"));
        assertEquals("ticket_invalid", json(send(new OnBindPage(owner.browser(), "A".repeat(43)), ALICE_PHONE), 400)
                .getString("error"));
        assertEquals(0, count("select count(*) from wxbind_sms_send"), "nothing sent without a valid ticket");
    }

    @Test
    void sendWhenPhoneGarbageThen400PhoneInvalidAndGetIs405() {
        OnBindPage p = onBindPage("Sms Typo");
        JsonObject bad = json(send(p, "138-abc-0001"), 400);
        assertEquals("phone_invalid", bad.getString("error"));
        assertFalse(bad.getString("message").isBlank());
        assertEquals("method_not_allowed", json(p.browser().get(app + "wechat/sms/send"), 405).getString("error"));
    }

    @Test
    void sendWhenTenPerHourFromOneAddressThenEleventh429ForAnyPhone() {
        OnBindPage p = onBindPage("Sms Flood");
        for (int i = 0; i < 10; i++) {
            json(send(p, "+861390000" + String.format("%04d", i)), 200);
        }
        JsonObject refused = json(send(p, "+8613900009999"), 429);
        assertTrue(refused.getString("message").contains("your network"), refused.toString());
        assertTrue(refused.getInt("retryAfterSeconds") > 3000, refused.toString());
    }

    /**
     * The newest code in the simulator's SMS inbox ({@code GET <sim>/control/sms?phone=} →
     * {@code {"messages":[{"id","phone","text","time","at"}]}}, oldest first), when the simulator has
     * the inbox and the app posts to it ({@code wxbind.demo.sms-inbox-url}); else empty. Delivery runs
     * after the answer, on the server's executor, so the inbox is polled briefly.
     */
    private static Optional<String> inboxCode(String phone) {
        String url = stack().simulatorControlUrl() + "/sms?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        for (int attempt = 0; attempt < 10; attempt++) {
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            if (r.statusCode() == 404 || r.statusCode() == 405) {
                LOG.info("simulator has no SMS inbox (HTTP " + r.statusCode() + "): inbox checks skipped");
                return Optional.empty();
            }
            assertEquals(200, r.statusCode(), r.body());
            JsonArray messages = Json.createReader(new StringReader(r.body())).readObject().getJsonArray("messages");
            assertTrue(messages != null, "inbox answers {\"messages\":[...]}: " + r.body());
            String newest = null;
            for (JsonValue v : messages) {
                JsonObject m = v.asJsonObject();
                assertEquals(phone, m.getString("phone"), "inbox filtered by phone: " + r.body());
                Matcher code = Pattern.compile("your code is ([0-9]{6})").matcher(m.getString("text"));
                assertTrue(code.find(), "a WxBind code SMS: " + m);
                newest = code.group(1);
            }
            if (newest != null) {
                return Optional.of(newest);
            }
            sleep(300);
        }
        LOG.info("no SMS for " + phone + " in the simulator inbox (is wxbind.demo.sms-inbox-url set?)");
        return Optional.empty();
    }

    private static long count(String sql) {
        try (var c = stack().database().connect(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
