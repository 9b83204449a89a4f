package io.wxbind.simulator.token;

import io.wxbind.simulator.web.QueryParams;
import io.wxbind.simulator.web.WeChatResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * api.weixin.qq.com/cgi-bin/get_api_domain_ip (getApiDomainIp): the cheapest real API that needs
 * a server token, so the app under test can prove its token works under load. Every app kind that
 * holds a server token may call it; the token is checked by {@link ServerTokenGuard}.
 */
@RequestScoped
@Path("api/cgi-bin/get_api_domain_ip")
public class ApiDomainIpResource {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** A fixed sample in the documented shape (plain IPv4 addresses). */
    static final List<String> IP_LIST = List.of("101.226.62.77", "101.226.62.78", "101.89.47.18", "101.91.34.103");

    @Inject
    ServerTokenGuard guard;
    @Context
    UriInfo uriInfo;
    @Context
    HttpServletRequest request;

    @GET
    public Response ipList() {
        String token = QueryParams.of(uriInfo.getRequestUri()).get("access_token");
        ServerTokenGuard.Access access = guard.check(token, ServerTokenGuard.ANY_TOKEN_HOLDER, request.getRemoteAddr());
        if (!access.ok()) {
            return CgiBinResponses.error(access.errcode(), request.getRemoteAddr());
        }
        return WeChatResponses.json(JSON.createObjectBuilder().add("ip_list", JSON.createArrayBuilder(IP_LIST)).build());
    }
}
