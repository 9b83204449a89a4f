package io.wxbind.qr;

import io.wxbind.rest.ErrorBody;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code /api/wechat/qr-bindings} (logged-in users, see web.xml): create a binding QR, read its
 * status, or follow it as Server-Sent Events. A user sees only their own scenes.
 */
@Path("wechat/qr-bindings")
public class QrBindingResource {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    QrBindingService service;

    @Inject
    QrSceneStore scenes;

    @Inject
    QrCodeClient qr;

    @Inject
    QrSceneWatcher watcher;

    @Inject
    Clock clock;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response create() {
        try {
            QrScene scene = service.createBind(security.getUserPrincipal().getName());
            String self = uri.getAbsolutePathBuilder().path(scene.id()).build().getRawPath();
            return Response.status(201).header("Location", self).entity(JSON.createObjectBuilder()
                    .add("id", scene.id()).add("expiresAt", scene.expiresAt().toString())
                    .add("imageUrl", qr.imageUrl(scene.ticket())).add("statusUrl", self).add("eventsUrl", self + "/events")
                    .build()).build();
        } catch (WeChatApiException e) {
            return Response.status(502).entity(new ErrorBody("wechat_error", "WeChat refused to create a QR code (errcode "
                    + e.errcode() + "). Please try again later.")).build();
        } catch (WeChatUnavailableException e) {
            return Response.status(503).entity(new ErrorBody("wechat_unavailable", "WeChat is not available right now; please try again.")).build();
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("id") String id) {
        return own(id).map(s -> Response.ok(QrSceneView.of(s, clock.instant())).build()).orElseGet(QrBindingResource::notFound);
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        if (own(id).isEmpty()) {
            sink.send(sse.newEventBuilder().name("error").data("{\"error\":\"not_found\"}").build());
            sink.close();
            return;
        }
        watcher.stream(() -> QrSceneView.of(scenes.find(id).orElseThrow(), clock.instant()), sink, sse);
    }

    private Optional<QrScene> own(String id) {
        String me = security.getUserPrincipal().getName();
        return scenes.find(id).filter(s -> s.purpose() == QrScene.Purpose.BIND && me.equals(s.accountName()));
    }

    private static Response notFound() {
        return Response.status(404).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("not_found", "No such QR binding for this account.")).build();
    }
}
