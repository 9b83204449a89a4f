package io.wxbind.simulator.token;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimConfig;
import io.wxbind.simulator.people.IdDerivation;
import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.SimPerson;
import io.wxbind.simulator.people.Subscriptions;
import io.wxbind.simulator.web.QueryParams;
import io.wxbind.simulator.web.SimJson;
import io.wxbind.simulator.web.WeChatErrors;
import io.wxbind.simulator.web.WeChatResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * api.weixin.qq.com/cgi-bin: {@code token} (§4.1), {@code stable_token} (§4.2, JSON body only) and
 * the token-protected {@code user/info} (§9). Credential errors: 41002, 41004, 40013, 40125, then
 * the IP whitelist (40164). Website and mobile apps have no server token: 48001.
 */
@RequestScoped
@Path("api/cgi-bin")
public class CgiBinResource {

    @Inject
    SimConfig config;
    @Inject
    SimPeople people;
    @Inject
    IdDerivation ids;
    @Inject
    ServerTokens serverTokens;
    @Inject
    StableTokens stableTokens;
    @Inject
    Subscriptions subscriptions;
    @Context
    UriInfo uriInfo;
    @Context
    HttpServletRequest request;

    /** The app, or the response that rejects the call. */
    private record Credential(SimApp app, Response rejection) {
    }

    @GET
    @Path("token")
    public Response token() {
        Map<String, String> q = QueryParams.of(uriInfo.getRequestUri());
        if (!"client_credential".equals(q.get("grant_type"))) {
            return WeChatResponses.error(40002);
        }
        Credential credential = credential(q.get("appid"), q.get("secret"));
        if (credential.rejection() != null) {
            return credential.rejection();
        }
        return issued(serverTokens.issueClientCredential(credential.app()));
    }

    @POST
    @Path("stable_token")
    public Response stableToken(String body) {
        if (body == null || body.isBlank()) {
            return WeChatResponses.error(44002);
        }
        JsonObject json = SimJson.parseObject(body);
        if (json == null) {
            return WeChatResponses.error(47001);
        }
        if (!"client_credential".equals(SimJson.string(json, "grant_type"))) {
            return WeChatResponses.error(40002);
        }
        Credential credential = credential(SimJson.string(json, "appid"), SimJson.string(json, "secret"));
        if (credential.rejection() != null) {
            return credential.rejection();
        }
        JsonValue force = json.get("force_refresh");
        boolean forceRefresh = force == JsonValue.TRUE
                || force instanceof JsonString s && "true".equals(s.getString());
        return issued(stableTokens.get(credential.app(), forceRefresh));
    }

    @GET
    @Path("user/info")
    public Response userInfo() {
        Map<String, String> q = QueryParams.of(uriInfo.getRequestUri());
        ServerTokens.Check check = serverTokens.validate(q.get("access_token"));
        if (!check.ok()) {
            return WeChatResponses.error(check.errcode());
        }
        SimApp app = config.app(check.appId()).orElseThrow();
        if (app.type() != AppType.OFFICIAL) {
            return WeChatResponses.error(48001);
        }
        if (!app.ipAllowList().allows(request.getRemoteAddr())) {
            return ipRejected(); // for official accounts the whitelist covers token-bearing calls too
        }
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
        JsonObjectBuilder body = Json.createObjectBuilder();
        return subscriptions.find(app.appId(), person.id()).map(s -> {
            body.add("subscribe", 1).add("openid", openId).add("subscribe_time", s.subscribedAt().getEpochSecond());
            if (app.boundToOpenPlatform()) {
                body.add("unionid", ids.unionId(app.openPlatform(), person.id()));
            }
            return body.add("remark", "").add("groupid", 0).add("tagid_list", Json.createArrayBuilder())
                    .add("subscribe_scene", s.scene()).add("qr_scene", s.qrScene())
                    .add("qr_scene_str", s.qrSceneStr()).build();
        }).orElseGet(() -> body.add("subscribe", 0).add("openid", openId).build());
    }

    private Credential credential(String appId, String secret) {
        if (appId == null || appId.isEmpty()) {
            return reject(41002);
        }
        if (secret == null || secret.isEmpty()) {
            return reject(41004);
        }
        SimApp app = config.app(appId).orElse(null);
        if (app == null) {
            return reject(40013);
        }
        if (!app.secretMatches(secret)) {
            return reject(40125);
        }
        if (app.type() != AppType.OFFICIAL && app.type() != AppType.MINIPROGRAM) {
            return reject(48001);
        }
        if (!app.ipAllowList().allows(request.getRemoteAddr())) {
            return new Credential(null, ipRejected());
        }
        return new Credential(app, null);
    }

    private Response ipRejected() {
        return WeChatResponses.error(200, 40164, WeChatErrors.ipNotInWhitelist(request.getRemoteAddr()));
    }

    private static Credential reject(int errcode) {
        return new Credential(null, WeChatResponses.error(errcode));
    }

    private static Response issued(ServerTokens.Issued issued) {
        if (!issued.ok()) {
            return WeChatResponses.error(issued.errcode());
        }
        return WeChatResponses.json(Json.createObjectBuilder()
                .add("access_token", issued.accessToken()).add("expires_in", issued.expiresIn()).build());
    }
}
