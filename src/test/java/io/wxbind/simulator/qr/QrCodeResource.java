package io.wxbind.simulator.qr;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.token.ServerTokenGuard;
import io.wxbind.simulator.web.QueryParams;
import io.wxbind.simulator.web.SimJson;
import io.wxbind.simulator.web.WeChatResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST api.weixin.qq.com/cgi-bin/qrcode/create?access_token=} (protocol §5.1): the token
 * through {@link ServerTokenGuard} (official accounts only, 48001 for others), then 44002 empty
 * body, 47001 not a JSON object, the rules of {@link QrRequest}, 45009 past the daily quota.
 * Answers {@code {"ticket","expire_seconds","url"}}; permanent codes leave out {@code expire_seconds} [U].
 */
@RequestScoped
@Path("api/cgi-bin/qrcode")
public class QrCodeResource {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    ServerTokenGuard guard;
    @Inject
    QrTickets tickets;
    @Context
    UriInfo uriInfo;
    @Context
    HttpServletRequest request;

    @POST
    @Path("create")
    public Response create(String body) {
        Map<String, String> q = QueryParams.of(uriInfo.getRequestUri());
        ServerTokenGuard.Access access = guard.check(q.get("access_token"), Set.of(AppType.OFFICIAL),
                request.getRemoteAddr());
        if (!access.ok()) {
            return ServerTokenGuard.refusal(access, request.getRemoteAddr());
        }
        SimJson.Body parsedBody = SimJson.body(body);
        if (parsedBody.error() != null) {
            return parsedBody.error();
        }
        JsonObject json = parsedBody.json();
        QrRequest.Parsed parsed = QrRequest.parse(json);
        if (!parsed.ok()) {
            return WeChatResponses.error(parsed.errcode());
        }
        QrTickets.Created created = tickets.create(access.app().appId(), parsed.request());
        if (created.code() == null) {
            return WeChatResponses.error(created.errcode());
        }
        QrCode code = created.code();
        JsonObjectBuilder answer = JSON.createObjectBuilder().add("ticket", code.ticket());
        if (!code.request().action().permanent()) {
            answer.add("expire_seconds", code.request().expireSeconds());
        }
        return WeChatResponses.json(answer.add("url", code.url()).build());
    }
}
