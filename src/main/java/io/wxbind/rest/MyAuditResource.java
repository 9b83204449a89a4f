package io.wxbind.rest;

import io.wxbind.audit.AuditEntry;
import io.wxbind.audit.AuditLogStore;
import io.wxbind.audit.UserAgentSummary;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code GET /api/me/audit}: the caller's own audit entries, newest first, a page at a time
 * ({@code ?limit=} 1-200, default 50; {@code ?before=<id>}, the {@code next} of the previous page).
 * Shows what a person may know about their own account: the client address masked, the user
 * agent as "Chrome on Windows", no openid, no node. Session or bearer token, like {@code /api/me}.
 */
@Path("me/audit")
@Produces(MediaType.APPLICATION_JSON)
public class MyAuditResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    AuditLogStore log;

    @Context
    HttpServletRequest request;

    @GET
    public Response page(@QueryParam("limit") String limitParam, @QueryParam("before") String beforeParam) {
        if (request.getUserPrincipal() == null) {
            return Response.status(401).entity(new ErrorBody("not_authenticated", "Log in first.")).build();
        }
        long limit = number(limitParam, DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            return badRequest("invalid_limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
        long before = number(beforeParam, Long.MAX_VALUE);
        if (before < 1) {
            return badRequest("invalid_before", "before must be the positive entry id given as \"next\" by the previous page.");
        }
        // One more than asked: tells whether a next page exists without a count query.
        List<AuditEntry> rows = log.of(request.getUserPrincipal().getName(), before, (int) limit + 1);
        JsonArrayBuilder entries = JSON.createArrayBuilder();
        rows.stream().limit(limit).forEach(e -> entries.add(view(e)));
        JsonObjectBuilder page = JSON.createObjectBuilder().add("entries", entries);
        if (rows.size() > limit) {
            page.add("next", rows.get((int) limit - 1).id());
        } else {
            page.addNull("next");
        }
        return Response.ok(page.build()).header("Cache-Control", "no-store").build();
    }

    private static JsonObjectBuilder view(AuditEntry e) {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("id", e.id())
                .add("at", DateTimeFormatter.ISO_INSTANT.format(e.at())).add("kind", e.kind());
        text(o, "app", e.appId());
        text(o, "method", e.method());
        text(o, "reason", e.reason());
        text(o, "clientAddress", e.clientMasked());
        text(o, "userAgent", UserAgentSummary.of(e.userAgent()));
        return o;
    }

    private static void text(JsonObjectBuilder o, String name, String value) {
        if (value == null) {
            o.addNull(name);
        } else {
            o.add(name, value);
        }
    }

    /** The parameter as a number, {@code absent} without one, -1 for anything that is not 1-18 digits. */
    private static long number(String param, long absent) {
        if (param == null) {
            return absent;
        }
        return param.matches("[0-9]{1,18}") ? Long.parseLong(param) : -1;
    }

    private static Response badRequest(String code, String message) {
        return Response.status(400).entity(new ErrorBody(code, message)).build();
    }
}
