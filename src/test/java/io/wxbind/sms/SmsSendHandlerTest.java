package io.wxbind.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.auth.flow.BindTicket;
import io.wxbind.auth.flow.BindTicketStore;
import io.wxbind.auth.flow.WeChatIdentity;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The send endpoint's decisions: ticket first (no open SMS relay), then the service's answer as JSON. */
class SmsSendHandlerTest {

    private static final String TICKET = "T".repeat(43);
    private final List<String> sends = new ArrayList<>();
    private SendResult next = new SendResult.Sent("+8613800000001", Duration.ofSeconds(60), Duration.ofMinutes(5));
    private boolean available = true;

    private SmsSendHandler handler() {
        SmsSendHandler h = new SmsSendHandler();
        h.tickets = new OneTicket();
        h.codes = new SmsCodeService() {
            @Override
            public boolean available() {
                return available;
            }

            @Override
            public SendResult send(String phone, String clientIp) {
                sends.add(phone + "@" + clientIp);
                return next;
            }
        };
        return h;
    }

    @Test
    void handleWhenTicketOfThisBrowserThenSentJson() {
        SmsSendHandler.Reply r = handler().handle(TICKET, "13800000001", Optional.of("browser-1"), "127.0.0.1");
        assertEquals(200, r.status());
        assertTrue(r.body().getBoolean("sent"));
        assertEquals(60, r.body().getJsonNumber("resendAfterSeconds").longValue());
        assertEquals(300, r.body().getJsonNumber("expiresInSeconds").longValue());
        assertTrue(r.body().getString("message").contains("If +8613800000001 belongs to an account"), r.body().toString());
        assertEquals(List.of("13800000001@127.0.0.1"), sends);
        assertEquals(0, r.retryAfterSeconds());
    }

    @Test
    void handleWhenNoCookieWrongBrowserOrBadTicketThenTicketInvalidAndNothingSent() {
        assertError(handler().handle(TICKET, "13800000001", Optional.empty(), "ip"), 400, "ticket_invalid");
        assertError(handler().handle(TICKET, "13800000001", Optional.of("browser-2"), "ip"), 400, "ticket_invalid");
        assertError(handler().handle(null, "13800000001", Optional.of("browser-1"), "ip"), 400, "ticket_invalid");
        assertError(handler().handle("other", "13800000001", Optional.of("browser-1"), "ip"), 400, "ticket_invalid");
        assertTrue(sends.isEmpty(), "no SMS without a valid ticket of this browser");
    }

    @Test
    void handleWhenThrottledThen429WithWaitInBodyAndHeader() {
        next = new SendResult.Throttled(SendResult.Limit.PHONE_INTERVAL, Duration.ofMillis(41_200));
        SmsSendHandler.Reply r = handler().handle(TICKET, "13800000001", Optional.of("browser-1"), "ip");
        assertError(r, 429, "throttled");
        assertEquals(42, r.body().getJsonNumber("retryAfterSeconds").longValue());
        assertEquals(42, r.retryAfterSeconds());
        assertTrue(r.body().getString("message").contains("42 seconds"), r.body().toString());
    }

    @Test
    void handleWhenPhoneBadThen400WithTheReason() {
        next = new SendResult.InvalidPhone("A phone number has only digits.");
        SmsSendHandler.Reply r = handler().handle(TICKET, "x", Optional.of("browser-1"), "ip");
        assertError(r, 400, "phone_invalid");
        assertEquals("A phone number has only digits.", r.body().getString("message"));
    }

    @Test
    void handleWhenNoSenderDeployedThen404BeforeAnythingElse() {
        available = false;
        assertError(handler().handle(null, null, Optional.empty(), null), 404, "sms_unavailable");
        assertTrue(sends.isEmpty());
    }

    private static void assertError(SmsSendHandler.Reply r, int status, String code) {
        assertEquals(status, r.status(), r.body().toString());
        JsonObject body = r.body();
        assertEquals(code, body.getString("error"));
        assertFalse(body.getString("message").isBlank());
        assertFalse(body.containsKey("sent"));
    }

    /** Knows one ticket, of browser-1. */
    private static final class OneTicket implements BindTicketStore {
        @Override
        public String issue(WeChatIdentity identity, String browserHash, String returnTo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<BindTicket> peek(String rawTicket, String browserHash) {
            Instant now = Instant.now();
            return TICKET.equals(rawTicket) && "browser-1".equals(browserHash)
                    ? Optional.of(new BindTicket("h", browserHash, new WeChatIdentity("wxA", "oX", null, null, null), "/", now,
                            now.plusSeconds(300)))
                    : Optional.empty();
        }

        @Override
        public Optional<BindTicket> consume(String rawTicket, String browserHash) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int recordFailure(String rawTicket) {
            throw new UnsupportedOperationException();
        }
    }
}
