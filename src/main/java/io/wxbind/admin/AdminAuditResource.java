package io.wxbind.admin;

import io.wxbind.audit.AuditEntry;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code GET /api/admin/audit}: the audit log, newest first, filtered by {@code account} (its
 * own entries and admin actions on it), {@code app}, {@code kind} (comma-separated),
 * {@code from} / {@code to} (UTC instants), {@code client} (an exact address), a page at a time
 * ({@code limit} 1-200, default 50; {@code before}: the {@code next} of the previous page). Full
 * client addresses and user agents: this is the administrators' view. The search is audited too.
 */
@Path("admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuditResource {

    @Context
    HttpServletRequest request;

    @Inject
    AdminDirectory directory;

    @GET
    public Response search(@QueryParam("account") String account, @QueryParam("app") String app, @QueryParam("kind") String kind,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("client") String client,
            @QueryParam("before") String before, @QueryParam("limit") String limit) {
        AuditQuery.Parsed parsed = AuditQuery.parse(account, app, kind, from, to, client, before, limit);
        if (parsed.query() == null) {
            return AdminInput.badRequest(parsed.error(), parsed.message());
        }
        AuditQuery q = parsed.query();
        AdminNotes.note(request, AdminNotes.SUBJECT, q.account());
        AdminNotes.note(request, AdminNotes.APP, q.app());
        List<AuditEntry> rows = directory.audit(q, q.limit() + 1); // one more than asked: whether a next page exists, without a count
        JsonArrayBuilder entries = AdminViews.JSON.createArrayBuilder();
        rows.stream().limit(q.limit()).forEach(e -> entries.add(AdminViews.entry(e)));
        JsonObjectBuilder page = AdminViews.JSON.createObjectBuilder().add("entries", entries);
        if (rows.size() > q.limit()) {
            page.add("next", rows.get(q.limit() - 1).id());
        } else {
            page.addNull("next");
        }
        return Response.ok(page.build()).header("Cache-Control", "no-store").build();
    }
}
