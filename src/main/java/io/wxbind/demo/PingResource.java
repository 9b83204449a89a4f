package io.wxbind.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/ping} (open) and {@code GET /api/ping/user} (role {@code user} in web.xml): the
 * same trivial answer behind two paths, so monitoring and the benchmarks can tell what the
 * login module costs a request (P2, P3 and P7 in BENCHMARKS.md).
 */
@Path("ping")
@Produces(MediaType.APPLICATION_JSON)
public class PingResource {

    private static final String PONG = "{\"pong\":true}";

    @GET
    public String open() {
        return PONG;
    }

    @GET
    @Path("user")
    public String protectedPing() {
        return PONG;
    }
}
