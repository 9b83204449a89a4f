package io.wxbind.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.auth.flow.BindTicket;
import io.wxbind.auth.flow.BindTicketStore;
import io.wxbind.auth.flow.TicketAttempt;
import io.wxbind.guard.Admission;
import io.wxbind.guard.GuessLimiter;
import io.wxbind.guard.GuessSubject;
import io.wxbind.guard.LimitScope;
import io.wxbind.testsupport.FiredEvents;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.WeChatIdentity;
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
    private Optional<Admission.Refused> blocked = Optional.empty();
    private final List<List<GuessSubject>> asked = new ArrayList<>();
    private final FiredEvents<AuditEvent> audit = new FiredEvents<>();

    private SmsSendHandler handler() {
        SmsSendHandler h = new SmsSendHandler();
        h.tickets = new OneTicket();
        h.codes = new SmsCodeService() {
            @Override
            public boolean available() {
                return available;
            }

            @Override
            public SendResult send(String phone, String clientIp, String ticketHash) {
                sends.add(phone + "@" + clientIp + "#" + ticketHash);
                return next;
            }
        };
        h.limiter = new GuessLimiter() {
            @Override
            public Optional<Admission.Refused> blocked(List<GuessSubject> subjects) {
                asked.add(subjects);
                return blocked;
            }
        };
        h.audit = audit.event();
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
        assertEquals(List.of("13800000001@127.0.0.1#" + SecureTokens.sha256Hex(TICKET)), sends, "the code is tied to the ticket");
        assertEquals(List.of(List.of(GuessSubject.phone("+8613800000001"), GuessSubject.address("127.0.0.1"))), asked);
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
    void handleWhenPhoneOrAddressBlockedForGuessingThen429JsonNothingSentAndAudited() {
        blocked = Optional.of(new Admission.Refused(LimitScope.ACCOUNT, Duration.ofSeconds(150)));
        SmsSendHandler.Reply r = handler().handle(TICKET, "13800000001", Optional.of("browser-1"), "ip");
        assertError(r, 429, "throttled_account");
        assertEquals(150, r.retryAfterSeconds());
        assertEquals(150, r.body().getJsonNumber("retryAfterSeconds").longValue());
        assertTrue(r.body().getString("message").contains("for this number") && r.body().getString("message").contains("3 minutes"),
                r.body().toString());
        blocked = Optional.of(new Admission.Refused(LimitScope.ADDRESS, Duration.ofSeconds(30)));
        SmsSendHandler.Reply fromAddress = handler().handle(TICKET, "not a phone", Optional.of("browser-1"), "ip");
        assertError(fromAddress, 429, "throttled_address");
        assertTrue(fromAddress.body().getString("message").contains("your network"), fromAddress.body().toString());
        assertEquals(List.of(GuessSubject.address("ip")), asked.get(1), "an unreadable phone: only the address is asked about");
        assertTrue(sends.isEmpty());
        assertEquals(List.of("throttled_account", "throttled_address"), audit.fired.stream().map(AuditEvent::reason).toList());
        assertTrue(audit.fired.stream().allMatch(e -> e.kind() == AuditKind.REFUSED && "sms".equals(e.method())
                && "wxA".equals(e.appId()) && "****".equals(e.shortOpenId())), audit.fired.toString());
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
        public TicketAttempt reserveAttempt(String rawTicket, String browserHash) {
            throw new UnsupportedOperationException();
        }
    }
}
