package io.wxbind.rest;

import io.wxbind.account.AccountBindingService;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/me/bindings}: the caller lists and removes their own WeChat bindings. Someone
 * else's binding answers 404, exactly like one that does not exist.
 */
@Path("me/bindings")
@Produces(MediaType.APPLICATION_JSON)
public class MyBindingsResource {

    @Inject
    MeViews views;

    @Inject
    AccountBindingService bindings;

    @Context
    HttpServletRequest request;

    @GET
    public Response list() {
        return views.of(request).map(me -> Response.ok(me.bindings()).build()).orElseGet(MyBindingsResource::unauthorized);
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) {
        if (request.getUserPrincipal() == null) {
            return unauthorized();
        }
        long bindingId;
        try {
            bindingId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return notFound();
        }
        return bindings.unbind(request.getUserPrincipal().getName(), bindingId) ? Response.noContent().build() : notFound();
    }

    private static Response unauthorized() {
        return Response.status(401).entity(new ErrorBody("not_authenticated", "Log in first.")).build();
    }

    private static Response notFound() {
        return Response.status(404).entity(new ErrorBody("not_found", "No such binding on your account.")).build();
    }
}
