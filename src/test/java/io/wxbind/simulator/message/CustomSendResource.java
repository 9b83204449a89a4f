package io.wxbind.simulator.message;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.token.ServerTokenGuard;
import io.wxbind.simulator.web.QueryParams;
import io.wxbind.simulator.web.SimJson;
import io.wxbind.simulator.web.WeChatResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST api.weixin.qq.com/cgi-bin/message/custom/send?access_token=} (protocol §8). Checks
 * in order: the token ({@link ServerTokenGuard}, official accounts only), 44002 empty body, 47001
 * not a JSON object, {@link CustomMessage} (40003 no touser, 40008 msgtype, 44004 empty content),
 * then {@link CustomMessages} (40003 foreign openid, 45015 / 45047 window rules, 45009).
 * Success: {@code {"errcode":0,"errmsg":"ok"}}.
 */
@RequestScoped
@Path("api/cgi-bin/message/custom")
public class CustomSendResource {

    @Inject
    ServerTokenGuard guard;
    @Inject
    CustomMessages messages;
    @Context
    UriInfo uriInfo;
    @Context
    HttpServletRequest request;

    @POST
    @Path("send")
    public Response send(String body) {
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
        CustomMessage.Parsed parsed = CustomMessage.parse(json);
        if (!parsed.ok()) {
            return WeChatResponses.error(parsed.errcode());
        }
        int errcode = messages.send(access.app().appId(), parsed.message());
        return errcode == 0 ? WeChatResponses.ok() : WeChatResponses.error(errcode);
    }
}
