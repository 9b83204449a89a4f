package io.wxbind.mobileapp;

import io.wxbind.client.ClientAddressResolver;
import io.wxbind.miniprogram.MiniProgramAnswers;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/wechat/app/session {"appId": ..., "code": ...}}: a mobile app's login with
 * the WeChat SDK's code ({@link MobileAppLogin}); answered like the mini program's
 * {@code /session}. Public (web.xml leaves {@code /api/wechat/app/*} open); no cookie. An unbound
 * person binds or registers at the mini program's {@code /bind} and {@code /register}, which take
 * the tickets of both.
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
        return MiniProgramAnswers.session(body, EXAMPLE, addresses.of(request).throttleKey(), login::login);
    }
}
