package io.wxbind.rest;

import io.wxbind.auth.ApiRequests;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/me}: the logged-in caller as JSON, or 401 with a JSON body. */
@Path("me")
public class MeResource {

    @Inject
    MeViews views;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        return views.of(request).map(me -> Response.ok(me).build())
                .orElseGet(() -> Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON)
                        .header("WWW-Authenticate", ApiRequests.CHALLENGE)
                        .entity(new ErrorBody("not_authenticated", "Log in first: open this site in WeChat or sign in with WeChat."))
                        .build());
    }
}
