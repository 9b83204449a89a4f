package io.wxbind.miniprogram;

import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code GET /api/wechat/miniprogram/session/check?appId=} with the bearer token of a mini-program
 * login: whether the session_key stored at the caller's last login is still the one WeChat holds
 * ({@code wxa/checksession}, protocol §3.2), so a client knows whether encrypted data it gets now
 * will open here. {@code {"valid":true}}, or {@code {"valid":false,"reason":"session_key_expired"}}
 * (87009: expired or rotated by a later wx.login), or {@code "no_session"} (no key stored).
 * Neither the key nor its signature leaves the server.
 */
@Path("wechat/miniprogram/session/check")
public class MiniProgramSessionCheckResource {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    MiniProgramCaller callers;

    @Inject
    MiniProgramServerCalls calls;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response check(@QueryParam("appId") String appId) {
        MiniProgramCaller.Resolution resolution = callers.resolve(request, appId);
        if (!(resolution instanceof MiniProgramCaller.Resolution.Found who)) {
            return MiniProgramCallAnswers.refused(resolution);
        }
        Optional<String> key = callers.sessionKey(who);
        if (key.isEmpty()) {
            return invalid("no_session");
        }
        Optional<MiniProgramServerCalls.Failure> unconfigured = calls.unconfigured(appId);
        if (unconfigured.isPresent()) {
            return MiniProgramCallAnswers.problem(unconfigured.get().problem(), unconfigured.get().retryAfterSeconds());
        }
        try {
            return calls.checkSession(appId, who.openId(), key.get())
                    ? MiniProgramCallAnswers.ok(JSON.createObjectBuilder().add("valid", true).build())
                    : invalid("session_key_expired");
        } catch (RuntimeException e) {
            MiniProgramServerCalls.Failure failure = MiniProgramServerCalls.failureOf(e);
            return MiniProgramCallAnswers.problem(failure.problem(), failure.retryAfterSeconds());
        }
    }

    private static Response invalid(String reason) {
        return MiniProgramCallAnswers.ok(JSON.createObjectBuilder().add("valid", false).add("reason", reason).build());
    }
}
