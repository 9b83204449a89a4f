package io.wxbind.miniprogram;

import io.wxbind.client.ClientAddressResolver;
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
 * {@code POST /api/wechat/miniprogram/session {"appId": ..., "code": ...}}: a mini program's
 * login ({@link MiniProgramLogin}). Public: the code is the credential (web.xml leaves
 * {@code /api/wechat/miniprogram/*} open); no cookie is read or set.
 */
@Path("wechat/miniprogram/session")
public class MiniProgramSessionResource {

    static final String EXAMPLE = "{\"appId\": \"wx...\", \"code\": \"<code from wx.login>\"}";

    @Inject
    MiniProgramLogin login;

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
