package io.wxbind.simulator.token;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimApps;
import io.wxbind.simulator.web.QueryParams;
import io.wxbind.simulator.web.SimJson;
import io.wxbind.simulator.web.WeChatResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
 * api.weixin.qq.com/cgi-bin token issuance: {@code token} (§4.1) and {@code stable_token} (§4.2,
 * JSON body only). Credential errors: 41002, 41004, 40013, 40125, then 48001 for app kinds without
 * a server token, then the IP whitelist (40164). Apps are read through {@link SimApps}, so
 * run-time token settings apply to the next call.
 */
@RequestScoped
@Path("api/cgi-bin")
public class CgiBinResource {

    @Inject
    SimApps apps;
    @Inject
    ServerTokens serverTokens;
    @Inject
    StableTokens stableTokens;
    @Context
    UriInfo uriInfo;
    @Context
    HttpServletRequest request;

    /** The app, or the errcode that rejects the call. */
    private record Credential(SimApp app, int errcode) {
    }

    @GET
    @Path("token")
    public Response token() {
        Map<String, String> q = QueryParams.of(uriInfo.getRequestUri());
        if (!"client_credential".equals(q.get("grant_type"))) {
            return WeChatResponses.error(40002);
        }
        Credential credential = credential(q.get("appid"), q.get("secret"));
        if (credential.app() == null) {
            return CgiBinResponses.error(credential.errcode(), request.getRemoteAddr());
        }
        return CgiBinResponses.issued(serverTokens.issueClientCredential(credential.app()));
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
        if (credential.app() == null) {
            return CgiBinResponses.error(credential.errcode(), request.getRemoteAddr());
        }
        JsonValue force = json.get("force_refresh");
        boolean forceRefresh = force == JsonValue.TRUE
                || force instanceof JsonString s && "true".equals(s.getString());
        return CgiBinResponses.issued(stableTokens.get(credential.app(), forceRefresh));
    }

    private Credential credential(String appId, String secret) {
        if (appId == null || appId.isEmpty()) {
            return new Credential(null, 41002);
        }
        if (secret == null || secret.isEmpty()) {
            return new Credential(null, 41004);
        }
        SimApp app = apps.app(appId).orElse(null);
        if (app == null) {
            return new Credential(null, 40013);
        }
        if (!app.secretMatches(secret)) {
            return new Credential(null, 40125);
        }
        if (app.type() != AppType.OFFICIAL && app.type() != AppType.MINIPROGRAM) {
            return new Credential(null, 48001);
        }
        if (!app.ipAllowList().allows(request.getRemoteAddr())) {
            return new Credential(null, 40164);
        }
        return new Credential(app, 0);
    }
}
