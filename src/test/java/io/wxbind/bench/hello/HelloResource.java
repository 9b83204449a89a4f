package io.wxbind.bench.hello;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/hello}: the baseline's counterpart of the app's {@code GET /api/ping}, a constant
 * JSON string, so that the first 200 of either WAR costs the same once it is deployed.
 */
@Path("hello")
@Produces(MediaType.APPLICATION_JSON)
public class HelloResource {

    @GET
    public String hello() {
        return "{\"hello\":true}";
    }
}
