package io.wxbind.sms;

import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.auth.flow.BindTicket;
import io.wxbind.auth.flow.BindTicketStore;
import io.wxbind.guard.Admission;
import io.wxbind.guard.GuessLimiter;
import io.wxbind.guard.GuessSubject;
import io.wxbind.guard.LimitScope;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.LogSafe;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bind page's "send me a code" call, without the servlet API: only a browser holding a
 * valid bind ticket may trigger an SMS, so the endpoint is no open SMS relay; a phone or client
 * address blocked for guessing ({@link GuessLimiter}) gets no new code either. The code is tied
 * to the ticket. Answers one JSON object per outcome, with the HTTP status to send it with.
 */
@ApplicationScoped
public class SmsSendHandler {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    BindTicketStore tickets;

    @Inject
    SmsCodeService codes;

    @Inject
    GuessLimiter limiter;

    @Inject
    Event<AuditEvent> audit;

    /** One answer: status, JSON body, and for 429 the seconds for a {@code Retry-After} header (else 0). */
    public record Reply(int status, JsonObject body, long retryAfterSeconds) {
    }

    /**
     * @param browserHash {@code BrowserBinding.hash(request)}: the ticket must belong to this browser
     * @param clientIp    the address the throttles count against
     */
    public Reply handle(String ticket, String phone, Optional<String> browserHash, String clientIp) {
        if (!codes.available()) {
            return error(404, "sms_unavailable", "Binding by SMS code is not offered here.");
        }
        Optional<BindTicket> valid = browserHash.flatMap(b -> tickets.peek(ticket, b));
        if (valid.isEmpty()) {
            return error(400, "ticket_invalid",
                    "This binding link has expired or was already used. Please start signing in again.");
        }
        Optional<Admission.Refused> blocked = limiter.blocked(subjects(phone, clientIp));
        if (blocked.isPresent()) {
            WeChatIdentity who = valid.get().identity();
            audit.fire(AuditEvent.of(AuditKind.REFUSED, null).withMethod("sms").withReason(blocked.get().reason())
                    .withWeChat(who.appId(), LogSafe.shortId(who.openId())));
            return throttled(blocked.get());
        }
        SendResult result = codes.send(phone, clientIp, SecureTokens.sha256Hex(ticket));
        if (result instanceof SendResult.Sent sent) {
            return new Reply(200, JSON.createObjectBuilder().add("sent", true)
                    .add("resendAfterSeconds", sent.resendAfter().toSeconds())
                    .add("expiresInSeconds", sent.expiresIn().toSeconds())
                    .add("message", "If " + sent.phone() + " belongs to an account, a code is on its way.").build(), 0);
        }
        if (result instanceof SendResult.Throttled t) {
            return new Reply(429, JSON.createObjectBuilder().add("error", "throttled").add("message", t.message())
                    .add("retryAfterSeconds", t.retryAfterSeconds()).build(), t.retryAfterSeconds());
        }
        if (result instanceof SendResult.InvalidPhone invalid) {
            return error(400, "phone_invalid", invalid.message());
        }
        return error(404, "sms_unavailable", "Binding by SMS code is not offered here.");
    }

    /** The guessing limits that also stop new codes: the phone (when it reads as one) and the address. */
    private static List<GuessSubject> subjects(String phone, String clientIp) {
        List<GuessSubject> subjects = new ArrayList<>();
        PhoneNumbers.tryNormalise(phone).ifPresent(p -> subjects.add(GuessSubject.phone(p)));
        subjects.add(GuessSubject.address(clientIp));
        return subjects;
    }

    /** 429 for a guessing block, in the shape of the send throttles' answer. */
    private static Reply throttled(Admission.Refused refused) {
        String who = refused.scope() == LimitScope.ACCOUNT ? "for this number" : "from your network";
        return new Reply(429, JSON.createObjectBuilder().add("error", refused.reason())
                .add("message", "Too many wrong codes or passwords were tried " + who + ". Please try again in " + refused.waitText() + ".")
                .add("retryAfterSeconds", refused.retryAfterSeconds()).build(), refused.retryAfterSeconds());
    }

    /** The JSON error shape of the project: {@code {"error": code, "message": text}}. */
    public static Reply error(int status, String code, String message) {
        return new Reply(status, JSON.createObjectBuilder().add("error", code).add("message", message).build(), 0);
    }
}
