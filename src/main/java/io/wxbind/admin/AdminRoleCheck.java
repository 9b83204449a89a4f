package io.wxbind.admin;

import io.wxbind.auth.ApiRequests;
import io.wxbind.rest.ErrorBody;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * Step 2 of the package's sequence: only a caller in role {@value #ROLE} (a session or a bearer
 * token whose account has the group) reaches an admin resource. In WxBind's own WAR the
 * {@code web.xml} constraint on {@code /api/admin/*} refuses earlier; in a host portal this is
 * the only check, so it never relies on a descriptor.
 */
public final class AdminRoleCheck implements ContainerRequestFilter {

    public static final String ROLE = "admin";
    /** Request property: the caller passed, so the trail records the request. */
    static final String PASSED = AdminRoleCheck.class.getName() + ".passed";

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        Principal caller = security == null ? null : security.getUserPrincipal();
        if (caller == null) {
            request.abortWith(Response.status(401).type(MediaType.APPLICATION_JSON).header("WWW-Authenticate", ApiRequests.CHALLENGE)
                    .entity(new ErrorBody("not_authenticated", "Log in first: the admin API needs a session or a bearer token.")).build());
            return;
        }
        if (!security.isUserInRole(ROLE)) {
            CDI.current().select(AdminAudit.class).get().refused(caller.getName());
            request.abortWith(Response.status(403).type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorBody("forbidden", "This needs the " + ROLE + " role.")).build());
            return;
        }
        request.setProperty(PASSED, caller.getName());
    }
}
