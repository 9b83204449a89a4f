package io.wxbind.miniprogram;

import io.wxbind.auth.flow.LoginProblem;
import io.wxbind.auth.token.IssuedApiToken;
import io.wxbind.rest.ErrorBody;
import io.wxbind.rest.JsonBody;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/** The JSON answers of the mini-program endpoints; tokens and tickets are never cached by anyone on the way. */
public final class MiniProgramAnswers {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private MiniProgramAnswers() {
    }

    /** The answer to a login of {@link MiniProgramLogin} or the mobile app's. */
    public static Response of(MiniProgramLogin.Result result) {
        if (result instanceof MiniProgramLogin.Result.LoggedIn in) {
            return loggedIn(in.caller(), in.token());
        }
        if (result instanceof MiniProgramLogin.Result.Unbound unbound) {
            return unbound(unbound.bindTicket(), unbound.expiresIn(), unbound.bindWith());
        }
        MiniProgramLogin.Result.Failed failed = (MiniProgramLogin.Result.Failed) result;
        return problem(failed.problem(), failed.retryAfterSeconds());
    }

    /** Logged in: the bearer token, shaped as {@code POST /api/wechat/tokens} answers it. */
    public static Response loggedIn(String caller, IssuedApiToken token) {
        return noStore(Response.ok(tokenAnswer(caller, token).build()));
    }

    private static JsonObjectBuilder tokenAnswer(String caller, IssuedApiToken token) {
        return JSON.createObjectBuilder().add("bound", true).add("caller", caller)
                .add("access_token", token.accessToken()).add("token_type", "Bearer").add("expires_in", token.expiresIn());
    }

    /**
     * Not bound yet: the ticket that stands for this WeChat while the person proves an account
     * ({@code /bind}) or, where the app allows it, creates one ({@code /register}); {@code bindWith} says which.
     */
    public static Response unbound(String ticket, long expiresIn, List<String> bindWith) {
        JsonArrayBuilder ways = JSON.createArrayBuilder();
        bindWith.forEach(ways::add);
        return noStore(Response.ok(JSON.createObjectBuilder().add("bound", false).add("bindTicket", ticket).add("expires_in", expiresIn)
                .add("bindWith", ways).build()));
    }

    /** A new account, logged in: as {@link #loggedIn}, with {@code "registered": true}. */
    public static Response registered(String caller, IssuedApiToken token) {
        return noStore(Response.ok(tokenAnswer(caller, token).add("registered", true).build()));
    }

    /**
     * {@code {"appId", "code"}} to a login answer: the body of each {@code /session} endpoint
     * (mini program, mobile app), which differ only in how a code becomes a login.
     */
    public static Response session(String body, String example, String clientKey, CodeLogin login) {
        Optional<JsonObject> json = JsonBody.object(body);
        if (json.isEmpty()) {
            return JsonBody.badRequest(example);
        }
        return of(login.login(JsonBody.string(json.get(), "appId"), JsonBody.string(json.get(), "code"), clientKey));
    }

    /** A login with an app's code: {@code MiniProgramLogin#login}, {@code MobileAppLogin#login}. */
    @FunctionalInterface
    public interface CodeLogin {
        MiniProgramLogin.Result login(String appId, String code, String clientKey);
    }

    public static Response problem(LoginProblem problem, long retryAfterSeconds) {
        Response.ResponseBuilder answer = Response.status(problem.status()).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(problem.code(), problem.message()));
        if (retryAfterSeconds > 0) {
            answer.header("Retry-After", retryAfterSeconds);
        }
        return answer.build();
    }

    static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(code, message)).build();
    }

    private static Response noStore(Response.ResponseBuilder answer) {
        return answer.type(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
