package io.wxbind.miniprogram;

import io.wxbind.account.StampedAccount;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.auth.BindAttempts;
import io.wxbind.auth.LoginAdmission;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.token.ApiTokenService;
import io.wxbind.rest.JsonBody;
import io.wxbind.wechat.LogSafe;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
    LoginAdmission admission;

    @Inject
    ApiTokenService tokens;

    @Inject
    Event<AuditEvent> audit;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response bind(String body) {
        Optional<JsonObject> json = JsonBody.object(body);
        if (json.isEmpty()) {
            return JsonBody.badRequest(EXAMPLE);
        }
        String ticket = JsonBody.string(json.get(), "bindTicket");
        if (ticket == null || ticket.isBlank()) {
            return MiniProgramAnswers.problem(MiniProgramProblem.BIND_TICKET_MISSING, 0);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : PROOF_FIELDS) {
            JsonValue v = json.get().get(name);
            if (v != null && v.getValueType() == JsonValue.ValueType.STRING) {
                fields.put(name, json.get().getString(name));
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
        String caller = bound.caller().getCallerPrincipal().getName();
        Optional<StampedAccount> admitted = admission.admit(caller, bound.method());
        if (admitted.isEmpty()) {
            return MiniProgramAnswers.problem(FlowProblem.ACCOUNT_UNAVAILABLE, 0);
        }
        WeChatIdentity id = bound.ticket().identity();
        audit.fire(AuditEvent.of(AuditKind.LOGIN, caller).withWeChat(id.appId(), LogSafe.shortId(id.openId())).withMethod(bound.method().name()));
        return MiniProgramAnswers.loggedIn(caller, tokens.issue(caller, admitted.get().stamp()));
    }
}
