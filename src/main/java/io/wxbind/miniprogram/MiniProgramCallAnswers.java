package io.wxbind.miniprogram;

import io.wxbind.auth.ApiRequests;
import io.wxbind.auth.flow.LoginProblem;
import io.wxbind.rest.ErrorBody;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON answers of a logged-in mini-program user's calls; about a person, so no one on the way keeps them. */
final class MiniProgramCallAnswers {

    private MiniProgramCallAnswers() {
    }

    static Response ok(JsonObject body) {
        return noStore(Response.ok(body));
    }

    /** No bearer token: the challenge of RFC 6750, as {@code /api/me} sends it. */
    static Response unauthenticated() {
        return noStore(Response.status(Response.Status.UNAUTHORIZED).header("WWW-Authenticate", ApiRequests.CHALLENGE)
                .entity(new ErrorBody("not_authenticated",
                        "Send the API token of the mini program's login (POST /api/wechat/miniprogram/session) as Authorization: Bearer <token>.")));
    }

    static Response problem(LoginProblem problem, long retryAfterSeconds) {
        return noStore(Response.fromResponse(MiniProgramAnswers.problem(problem, retryAfterSeconds)));
    }

    /** The answer for a caller that could not be resolved. */
    static Response refused(MiniProgramCaller.Resolution resolution) {
        return resolution instanceof MiniProgramCaller.Resolution.Refused r ? problem(r.problem(), 0) : unauthenticated();
    }

    private static Response noStore(Response.ResponseBuilder answer) {
        return answer.type(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
    }
}
