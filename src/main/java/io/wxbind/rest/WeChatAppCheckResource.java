package io.wxbind.rest;

import io.wxbind.config.ServerTokenConfig;
import io.wxbind.token.WeChatServerApi;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code GET /api/admin/wechat/apps/{appId}/check} (role admin): calls WeChat's network check
 * ({@code cgi-bin/get_api_domain_ip}) with the app's server token, to prove the token works and
 * show what it took. Also what the token tests load.
 */
@Path("admin/wechat/apps/{appId}/check")
public class WeChatAppCheckResource {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    WeChatServerApi api;

    @Inject
    ServerTokenConfig tokens;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response check(@PathParam("appId") String appId) {
        if (!tokens.apps().containsKey(appId)) {
            return Response.status(404).entity(new ErrorBody("unknown_app", "No server token is configured for " + appId + ".")).build();
        }
        try {
            WeChatServerApi.Response r = api.get(appId, "/cgi-bin/get_api_domain_ip", Map.of());
            int ips = r.json().containsKey("ip_list") ? r.json().getJsonArray("ip_list").size() : 0;
            return Response.ok(JSON.createObjectBuilder().add("appId", appId).add("ok", true).add("attempts", r.attempts())
                    .add("tokenErrors", r.tokenErrors()).add("ipCount", ips).build()).build();
        } catch (WeChatApiException e) {
            return Response.status(502).entity(new ErrorBody("wechat_error", "WeChat answered errcode " + e.errcode() + ".")).build();
        } catch (WeChatUnavailableException e) {
            return Response.status(503).entity(new ErrorBody("wechat_unavailable", "WeChat is not available: " + e.getMessage())).build();
        }
    }
}
