package io.wxbind.simulator.token;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.people.IdDerivation;
import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPerson;
import io.wxbind.simulator.people.Subscriptions;
import io.wxbind.simulator.web.QueryParams;
import io.wxbind.simulator.web.WeChatResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Set;

/**
 * api.weixin.qq.com/cgi-bin/user/info (§9): subscriber info for an official account's server
 * token. The token goes through {@link ServerTokenGuard} like every token-protected API; then
 * 41009 missing openid, 40003 openid not of this app.
 */
@RequestScoped
@Path("api/cgi-bin/user")
public class UserInfoResource {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    ServerTokenGuard guard;
    @Inject
    SimPeople people;
    @Inject
    IdDerivation ids;
    @Inject
    Subscriptions subscriptions;
    @Context
    UriInfo uriInfo;
    @Context
    HttpServletRequest request;

    @GET
    @Path("info")
    public Response userInfo() {
        Map<String, String> q = QueryParams.of(uriInfo.getRequestUri());
        ServerTokenGuard.Access access = guard.check(q.get("access_token"), Set.of(AppType.OFFICIAL),
                request.getRemoteAddr());
        if (!access.ok()) {
            return CgiBinResponses.error(access.errcode(), request.getRemoteAddr());
        }
        SimApp app = access.app();
        String openId = q.get("openid");
        if (openId == null || openId.isEmpty()) {
            return WeChatResponses.error(41009);
        }
        SimPerson person = people.all().stream()
                .filter(p -> ids.openId(app.appId(), p.id()).equals(openId)).findFirst().orElse(null);
        if (person == null) {
            return WeChatResponses.error(40003);
        }
        return WeChatResponses.json(subscriberInfo(app, person, openId));
    }

    /** Since 2021-12-27 no nickname/headimgurl, no language; non-followers get only subscribe+openid. */
    private JsonObject subscriberInfo(SimApp app, SimPerson person, String openId) {
        JsonObjectBuilder body = JSON.createObjectBuilder();
        return subscriptions.find(app.appId(), person.id()).map(s -> {
            body.add("subscribe", 1).add("openid", openId).add("subscribe_time", s.subscribedAt().getEpochSecond());
            if (app.boundToOpenPlatform()) {
                body.add("unionid", ids.unionId(app.openPlatform(), person.id()));
            }
            return body.add("remark", "").add("groupid", 0).add("tagid_list", JSON.createArrayBuilder())
                    .add("subscribe_scene", s.scene()).add("qr_scene", s.qrScene())
                    .add("qr_scene_str", s.qrSceneStr()).build();
        }).orElseGet(() -> body.add("subscribe", 0).add("openid", openId).build());
    }
}
