package io.wxbind.miniprogram;

import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/wechat/miniprogram/register {"bindTicket": ..., "nickname": "what the user typed"}}:
 * an unbound person of a mini program or mobile app creates an account ({@link ApiRegistration}),
 * where the app's first-login policy allows it ({@code "register"} in the {@code bindWith} of the
 * {@code /session} answer); else 403 {@code register_not_allowed}. Answered with an API token and
 * {@code "registered": true}. Public like {@code /bind}: the single-use ticket is the credential.
 */
@Path("wechat/miniprogram/register")
public class MiniProgramRegisterResource {

    static final String EXAMPLE = "{\"bindTicket\": \"...\", \"nickname\": \"<optional, as the user typed it>\"}";

    @Inject
    ApiRegistration registration;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(String body) {
        TicketBody parsed = TicketBody.parse(body, EXAMPLE);
        if (parsed.refusal() != null) {
            return parsed.refusal();
        }
        JsonValue typed = parsed.json().get("nickname");
        boolean absent = typed == null || typed.getValueType() == JsonValue.ValueType.NULL;
        TypedNickname.Check nickname = absent ? TypedNickname.check(null)
                : typed.getValueType() == JsonValue.ValueType.STRING ? TypedNickname.check(parsed.json().getString("nickname"))
                : new TypedNickname.Check.Rejected();
        if (!(nickname instanceof TypedNickname.Check.Accepted accepted)) {
            return MiniProgramAnswers.problem(MiniProgramProblem.INVALID_NICKNAME, 0);
        }
        MiniProgramLogin.Result result = registration.register(parsed.ticket(), accepted.nickname());
        return result instanceof MiniProgramLogin.Result.LoggedIn in
                ? MiniProgramAnswers.registered(in.caller(), in.token()) : MiniProgramAnswers.of(result);
    }
}
