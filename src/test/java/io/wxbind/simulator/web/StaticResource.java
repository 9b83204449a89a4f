package io.wxbind.simulator.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * Serves the simulator's stylesheet from the WAR's {@code static/} folder. Needed because the
 * JAX-RS application is mapped at {@code /*}, which hides the container's default servlet.
 */
@RequestScoped
@Path("static")
public class StaticResource {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}\\.css");

    @Context
    ServletContext servletContext;

    @GET
    @Path("{name}")
    public Response get(@PathParam("name") String name) throws IOException {
        if (!NAME.matcher(name).matches()) {
            return Response.status(404).build();
        }
        try (InputStream in = servletContext.getResourceAsStream("/static/" + name)) {
            if (in == null) {
                return Response.status(404).build();
            }
            return Response.ok(in.readAllBytes()).type("text/css; charset=utf-8")
                    .header("Cache-Control", "max-age=3600").build();
        }
    }
}
