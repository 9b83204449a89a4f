package io.wxbind.admin;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Step 4: every admin request that passed the role check is audited with its answer, whatever
 * it was (a 404 search is a search too). The resource names the account concerned through
 * {@link AdminNotes}; otherwise the path's {@code {name}} is taken, and {@code {appId}} for the app.
 */
public final class AdminAuditTrail implements ContainerResponseFilter {

    private final String action;

    AdminAuditTrail(String action) {
        this.action = action;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object admin = request.getProperty(AdminRoleCheck.PASSED);
        if (admin == null) {
            return; // refused before: audited by the role check, or not ours to audit
        }
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        String subject = text(request.getProperty(AdminNotes.SUBJECT), path.getFirst("name"));
        String app = text(request.getProperty(AdminNotes.APP), path.getFirst("appId"));
        String named = text(request.getProperty(AdminNotes.ACTION), action);
        CDI.current().select(AdminAudit.class).get().done(new AdminAction(admin.toString(), named, response.getStatus(), subject, app,
                text(request.getProperty(AdminNotes.SHORT_OPENID), null)));
    }

    private static String text(Object noted, String otherwise) {
        return noted instanceof String s ? s : otherwise;
    }
}
