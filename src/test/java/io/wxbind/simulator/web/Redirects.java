package io.wxbind.simulator.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** WeChat answers the authorize step with a plain 302; keep it uncached like WeChat does. */
public final class Redirects {

    private Redirects() {
    }

    public static Response found(String location) {
        return Response.status(302).location(URI.create(location)).header("Cache-Control", "no-store").build();
    }

    public static Response seeOther(String location) {
        return Response.status(303).location(URI.create(location)).header("Cache-Control", "no-store").build();
    }
}
