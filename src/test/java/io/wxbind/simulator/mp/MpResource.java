package io.wxbind.simulator.mp;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * mp.weixin.qq.com placeholder. {@code cgi-bin/showqrcode} answers 404, which is what WeChat does
 * for an unknown ticket (protocol §5.2); the QR issue will add real tickets here.
 */
@RequestScoped
@Path("mp")
public class MpResource {

    @GET
    @Path("cgi-bin/showqrcode")
    public Response showQrCode() {
        return Response.status(404).build();
    }
}
