package io.wxbind.miniprogram;

import io.wxbind.auth.BindAttempts;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.rest.JsonBody;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/wechat/miniprogram/bind}: an unbound mini-program user proves an account with
 * the bind ticket of {@code /session}, the same ways as on the web and under the same limits
 * ({@link BindAttempts}): {@code {"bindTicket", "username", "password"}} or
 * {@code {"bindTicket", "phone", "smsCode"}} with the code that {@code /sms} sent for this ticket.
 * Bound: an API token, as a bound login gets.
 */
@Path("wechat/miniprogram/bind")
public class MiniProgramBindResource {

    static final String EXAMPLE = "{\"bindTicket\": \"...\", \"username\": \"...\", \"password\": \"...\"}";
    /** The JSON fields the bind proofs may read; anything else is ignored. */
    private static final String[] PROOF_FIELDS = {"username", "password", "phone", "smsCode"};

    @Inject
    BindAttempts attempts;

    @Inject
    ApiSignIn signIn;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response bind(String body) {
        TicketBody parsed = TicketBody.parse(body, EXAMPLE);
        if (parsed.refusal() != null) {
            return parsed.refusal();
        }
        String ticket = parsed.ticket();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : PROOF_FIELDS) {
            String value = JsonBody.string(parsed.json(), name);
            if (value != null) {
                fields.put(name, value);
            }
        }
        BindAttempts.Outcome outcome = attempts.attempt(new JsonParams(request, fields), ticket, Optional.of(ApiTicketHolder.HASH));
        if (outcome instanceof BindAttempts.Outcome.Incomplete incomplete) {
            return incomplete.ticketValid()
                    ? MiniProgramAnswers.error(400, "proof_missing", "Send \"username\" and \"password\", or \"phone\" and \"smsCode\" (from /sms), with the bind ticket.")
                    : MiniProgramAnswers.problem(FlowProblem.TICKET_INVALID, 0);
        }
        if (outcome instanceof BindAttempts.Outcome.Throttled throttled) {
            return MiniProgramAnswers.problem(throttled.problem(), throttled.retryAfterSeconds());
        }
        if (outcome instanceof BindAttempts.Outcome.Refused refused) {
            return MiniProgramAnswers.problem(refused.problem(), 0);
        }
        if (outcome instanceof BindAttempts.Outcome.Wrong wrong) {
            return MiniProgramAnswers.error(401, "wrong_proof", wrong.message());
        }
        BindAttempts.Outcome.Bound bound = (BindAttempts.Outcome.Bound) outcome;
        return MiniProgramAnswers.of(signIn.admitted(bound.caller().getCallerPrincipal().getName(), bound.method(), bound.ticket().identity()));
    }
}
