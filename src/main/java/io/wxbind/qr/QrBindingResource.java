package io.wxbind.qr;

import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.auth.SessionLogin;
import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.rest.ErrorBody;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code /api/wechat/qr-bindings} (logged-in users, see web.xml): create a binding QR (after a
 * fresh login, within the per-account cap), read its status, or follow it as Server-Sent Events
 * (within {@link SseStreamLimits}). A user sees only their own scenes.
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
    SseStreamLimits limits;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response create() {
        String me = security.getUserPrincipal().getName();
        Duration fresh = service.freshLoginWindow();
        if (!FreshLogin.isFresh(SessionLogin.of(request), clock.instant(), fresh)) {
            audit.fire(AuditEvent.of(AuditKind.REFUSED, me).withMethod("qr-bind").withReason("fresh_login_required"));
            return Response.status(403).type(MediaType.APPLICATION_JSON).entity(new ErrorBody("fresh_login_required",
                    "Creating a bind QR code needs a login within the last " + minutes(fresh.toSeconds()) + " (password or "
                            + "WeChat; an API token does not count). Log out, log in again, then try again.")).build();
        }
        try {
            QrOffer offer = service.createBind(me);
            if (offer instanceof QrOffer.Throttled throttled) {
                audit.fire(AuditEvent.of(AuditKind.REFUSED, me).withMethod("qr-bind").withReason("qr_bind_throttled"));
                return Response.status(429).type(MediaType.APPLICATION_JSON)
                        .header("Retry-After", Math.max(1, throttled.retryAfter().toSeconds()))
                        .entity(new ErrorBody("too_many_qr_codes", "Too many bind QR codes were created for this account in "
                                + "the last 10 minutes. Please wait a few minutes and try again.")).build();
            }
            QrScene scene = ((QrOffer.Ready) offer).scene();
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

    /** Refusals (no such scene, too many streams) are plain JSON answers, thrown before the stream starts. */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        if (own(id).isEmpty()) {
            throw new WebApplicationException(notFound());
        }
        String browser = BrowserBinding.hash(request).orElse("account:" + security.getUserPrincipal().getName());
        SseStreamLimits.Admission admission = limits.acquire(browser);
        if (admission instanceof SseStreamLimits.Refusal refused) {
            throw new WebApplicationException(Response.status(429).type(MediaType.APPLICATION_JSON).header("Retry-After", 5)
                    .entity(new ErrorBody(refused.error(), refused.message())).build());
        }
        watcher.stream(() -> QrSceneView.of(scenes.find(id).orElseThrow(), clock.instant()), new SseSinkStream(sink, sse),
                (SseStreamLimits.Permit) admission);
    }

    private Optional<QrScene> own(String id) {
        String me = security.getUserPrincipal().getName();
        return scenes.find(id).filter(s -> s.purpose() == QrScene.Purpose.BIND && me.equals(s.accountName()));
    }

    private static Response notFound() {
        return Response.status(404).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("not_found", "No such QR binding for this account.")).build();
    }

    private static String minutes(long seconds) {
        return seconds % 60 == 0 ? seconds / 60 + (seconds == 60 ? " minute" : " minutes") : seconds + " seconds";
    }
}
