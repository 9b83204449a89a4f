package io.wxbind.portal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Two of the portal's own failures (public, no login), for checking that WxBind's exception
 * mapper, which joins the portal's JAX-RS application by scanning, leaves the portal's answers alone.
 */
@Path("probe")
public class PortalProbeResource {

    /** The portal's own refusal, with its own body: must reach the client as the portal wrote it. */
    @GET
    @Path("conflict")
    public String conflict() {
        throw new WebApplicationException(Response.status(Response.Status.CONFLICT)
                .type(MediaType.TEXT_PLAIN).entity("portal says: already taken").build());
    }

    /** A bug in the portal: the container's (or the portal's) 500, never WxBind's JSON. */
    @GET
    @Path("broken")
    public String broken() {
        throw new IllegalStateException("portal bug");
    }
}
