package io.wxbind.rest;

import io.wxbind.account.AccountLifecycle;
import io.wxbind.account.RevocationReason;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/me/logout-everywhere}: the caller ends every session and bearer token of their
 * account, on every node (within {@code wxbind.security-stamp.cache-seconds}), this one included.
 * Plain logout ({@code /logout}) ends only the session it is sent with.
 */
@Path("me/logout-everywhere")
@Produces(MediaType.APPLICATION_JSON)
public class LogoutEverywhereResource {

    @Inject
    AccountLifecycle lifecycle;

    @Context
    HttpServletRequest request;

    @POST
    public Response logoutEverywhere() {
        if (request.getUserPrincipal() == null) {
            return Response.status(401).entity(new ErrorBody("not_authenticated", "Log in first.")).build();
        }
        lifecycle.revoke(request.getUserPrincipal().getName(), RevocationReason.LOGOUT_EVERYWHERE);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }
}
