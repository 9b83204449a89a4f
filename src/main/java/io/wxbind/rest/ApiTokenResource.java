package io.wxbind.rest;

import io.wxbind.auth.SessionLogin;
import io.wxbind.auth.token.ApiTokenGrant;
import io.wxbind.auth.token.ApiTokenService;
import io.wxbind.auth.token.IssuedApiToken;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code /api/wechat/tokens} (logged-in users, see web.xml): bearer tokens for API clients, see
 * {@link io.wxbind.auth.token}. {@code POST} issues one for the current login, session or bearer,
 * with its groups (RFC 6749 §5.1 shape, {@code no-store}); a caller over
 * {@code wxbind.api-token.max-per-caller} loses their oldest token rather than getting a 429, so a
 * client that forgets its tokens keeps working. {@code DELETE .../current} revokes the token of
 * this request; {@code DELETE} revokes all of the caller's tokens.
 */
@Path("wechat/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class ApiTokenResource {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    ApiTokenService tokens;

    @Context
    HttpServletRequest request;

    @POST
    public Response issue() {
        Optional<SessionLogin> login = SessionLogin.of(request);
        if (login.isEmpty()) {
            return Response.status(401).entity(new ErrorBody("not_authenticated", "Log in first.")).build();
        }
        IssuedApiToken issued = tokens.issue(login.get().caller(), login.get().stamp());
        return Response.status(201).header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .entity(JSON.createObjectBuilder().add("access_token", issued.accessToken()).add("token_type", "Bearer")
                        .add("expires_in", issued.expiresIn()).build())
                .build();
    }

    @DELETE
    @Path("current")
    public Response revokeCurrent() {
        Optional<ApiTokenGrant> grant = ApiTokenGrant.current(request);
        if (grant.isEmpty()) {
            return Response.status(400).entity(new ErrorBody("no_bearer_token", "This request was not made with a bearer token,"
                    + " so there is no current token to revoke. Send the token as 'Authorization: Bearer <token>',"
                    + " or use DELETE /api/wechat/tokens to revoke all your tokens.")).build();
        }
        tokens.revoke(grant.get());
        return Response.noContent().build();
    }

    @DELETE
    public Response revokeAll() {
        if (request.getUserPrincipal() == null) {
            return Response.status(401).entity(new ErrorBody("not_authenticated", "Log in first.")).build();
        }
        tokens.revokeAll(request.getUserPrincipal().getName());
        return Response.noContent().build();
    }
}
