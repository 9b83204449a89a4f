package io.wxbind.portal;

import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The portal's own API (web.xml: role user). */
@Path("whoami")
public class PortalWhoAmIResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String whoami(@Context SecurityContext security) {
        return Json.createObjectBuilder().add("caller", security.getUserPrincipal().getName()).build().toString();
    }
}
