package io.wxbind.simulator.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * WeChat answers the authorize step with a plain 302; keep it uncached like WeChat does. Every
 * {@code Location} is absolute: JAX-RS resolves a relative one against the application's base
 * URI, which RESTEasy (WildFly) does by appending ({@code /wechat-sim/wechat-sim/choose}) and
 * Jersey (Payara) as a browser would.
 */
public final class Redirects {

    private Redirects() {
    }

    /** To the app: its {@code redirect_uri}, which is absolute. */
    public static Response found(String absoluteLocation) {
        URI location = URI.create(absoluteLocation);
        if (!location.isAbsolute()) {
            throw new IllegalArgumentException("not an absolute URI, use found(uriInfo, path): " + absoluteLocation);
        }
        return redirect(302, location);
    }

    /** Within the simulator: {@code path} (e.g. {@code /wechat-sim/choose}) against this request's base URI. */
    public static Response found(UriInfo uriInfo, String path) {
        return redirect(302, uriInfo.getBaseUri().resolve(path));
    }

    public static Response seeOther(UriInfo uriInfo, String path) {
        return redirect(303, uriInfo.getBaseUri().resolve(path));
    }

    private static Response redirect(int status, URI location) {
        return Response.status(status).location(location).header("Cache-Control", "no-store").build();
    }
}
