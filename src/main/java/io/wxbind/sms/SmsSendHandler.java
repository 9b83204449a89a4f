package io.wxbind.sms;

import io.wxbind.auth.flow.BindTicketStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.Optional;

/**
 * The bind page's "send me a code" call, without the servlet API: only a browser holding a
 * valid bind ticket may trigger an SMS, so the endpoint is no open SMS relay. Answers one JSON
 * object per outcome, with the HTTP status to send it with.
 */
@ApplicationScoped
public class SmsSendHandler {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    BindTicketStore tickets;

    @Inject
    SmsCodeService codes;

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
        if (browserHash.flatMap(b -> tickets.peek(ticket, b)).isEmpty()) {
            return error(400, "ticket_invalid",
                    "This binding link has expired or was already used. Please start signing in again.");
        }
        SendResult result = codes.send(phone, clientIp);
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

    /** The JSON error shape of the project: {@code {"error": code, "message": text}}. */
    public static Reply error(int status, String code, String message) {
        return new Reply(status, JSON.createObjectBuilder().add("error", code).add("message", message).build(), 0);
    }
}
