package io.wxbind.simulator.mp;

import io.wxbind.simulator.qr.QrCode;
import io.wxbind.simulator.qr.QrImages;
import io.wxbind.simulator.qr.QrTickets;
import io.wxbind.simulator.web.QueryParams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * mp.weixin.qq.com: {@code GET cgi-bin/showqrcode?ticket=} (protocol §5.2), no token. A valid
 * ticket gives the QR image (JPEG, {@code Content-Type: image/jpg}, {@code Cache-control:
 * max-age=604800}, as WeChat sends); an unknown or expired ticket gives a bare 404. The ticket
 * must be URL-encoded: an unencoded {@code +} arrives as a space and matches nothing, as on WeChat.
 */
@RequestScoped
@Path("mp")
public class MpResource {

    @Inject
    QrTickets tickets;
    @Context
    UriInfo uriInfo;

    @GET
    @Path("cgi-bin/showqrcode")
    public Response showQrCode() {
        QrCode code = tickets.valid(QueryParams.of(uriInfo.getRequestUri()).get("ticket")).orElse(null);
        if (code == null) {
            return Response.status(404).build();
        }
        return Response.ok(QrImages.jpeg(code.url()))
                .header("Content-Type", QrImages.CONTENT_TYPE)
                .header("Cache-control", "max-age=604800").build();
    }
}
