package io.wxbind.mobileapp;

import io.wxbind.client.ClientAddressResolver;
import io.wxbind.miniprogram.MiniProgramAnswers;
import io.wxbind.rest.JsonBody;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code POST /api/wechat/app/session {"appId": ..., "code": ...}}: a mobile app's login with
 * the WeChat SDK's code ({@link MobileAppLogin}); answered like the mini program's
 * {@code /session}. Public (web.xml leaves {@code /api/wechat/app/*} open); no cookie.
 */
@Path("wechat/app/session")
public class MobileAppSessionResource {

    static final String EXAMPLE = "{\"appId\": \"wx...\", \"code\": \"<code from the WeChat SDK's authorization>\"}";

    @Inject
    MobileAppLogin login;

    @Inject
    ClientAddressResolver addresses;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response session(String body) {
        Optional<JsonObject> json = JsonBody.object(body);
        if (json.isEmpty()) {
            return JsonBody.badRequest(EXAMPLE);
        }
        return MiniProgramAnswers.of(login.login(JsonBody.string(json.get(), "appId"), JsonBody.string(json.get(), "code"),
                addresses.of(request).throttleKey()));
    }
}
