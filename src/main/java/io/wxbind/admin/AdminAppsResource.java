package io.wxbind.admin;

import io.wxbind.config.WeChatApps;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/admin/wechat/apps} and {@code GET /api/admin/wechat/apps/{appId}}: each
 * configured app's state ({@link AppStatus}). {@code GET /api/admin/wechat/apps/{appId}/check}
 * ({@code io.wxbind.rest.WeChatAppCheckResource}) then proves the server token against WeChat.
 */
@Path("admin/wechat/apps")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAppsResource {

    @Inject
    WeChatApps apps;

    @Inject
    AppStatus status;

    @GET
    public Response apps() {
        JsonArrayBuilder list = AdminViews.JSON.createArrayBuilder();
        apps.all().forEach(a -> list.add(status.of(a)));
        return Response.ok(AdminViews.JSON.createObjectBuilder().add("apps", list).build()).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{appId}")
    public Response app(@PathParam("appId") String appId) {
        if (!AdminInput.matches(AdminInput.APP_ID, appId)) {
            return AdminInput.badRequest("bad_app", "An appid is 1-32 letters, digits or '_'.");
        }
        return apps.byId(appId).map(a -> Response.ok(status.of(a).build()).header("Cache-Control", "no-store").build())
                .orElseGet(() -> Response.status(404).type(MediaType.APPLICATION_JSON)
                        .entity(new io.wxbind.rest.ErrorBody("unknown_app", "No app " + appId + " is configured.")).build());
    }
}
