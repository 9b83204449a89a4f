package io.wxbind.metrics;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/admin/metrics}: every WxBind meter in Prometheus text format 0.0.4, for a caller
 * in role {@code admin} only (a session, or an admin's bearer API token, which is what a
 * Prometheus scrape job sends). The WAR's web.xml guards {@code /api/admin/*} too; the check here
 * keeps the numbers private in a host portal whose web.xml does not. Without the definition
 * annotation the resource gate answers 404, as for every WxBind resource.
 */
@Path("admin/metrics")
public class MetricsResource {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Context
    SecurityContext security;

    @GET
    @Produces({MediaType.TEXT_PLAIN, "application/openmetrics-text", MediaType.WILDCARD})
    public Response scrape() {
        if (security.getUserPrincipal() == null) {
            return refused(401, "not_authenticated", "Log in as an administrator to read the metrics.");
        }
        if (!security.isUserInRole("admin")) {
            return refused(403, "forbidden", "Only an administrator may read the metrics.");
        }
        return Response.ok(WxBindMetrics.scrape(), PROMETHEUS_TEXT).header("Cache-Control", "no-store").build();
    }

    /** The JSON error shape of WxBind's API ({@code {"error","message"}}); the texts are constants, no escaping needed. */
    private static Response refused(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store")
                .entity("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}").build();
    }
}
