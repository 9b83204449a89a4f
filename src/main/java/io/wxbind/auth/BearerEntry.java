package io.wxbind.auth;

import io.wxbind.account.SecurityStamps;
import io.wxbind.account.StampCheck;
import io.wxbind.auth.token.ApiTokenCheck;
import io.wxbind.auth.token.ApiTokenGrant;
import io.wxbind.auth.token.ApiTokenService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request with {@code Authorization: Bearer <token>} (RFC 6750 §2.1) is authenticated by the
 * token alone, on any path: it wins over a session and never creates one, so API clients and a
 * balancer without sticky sessions need no cookie. A bad token is a 401 {@code invalid_token} even
 * where no login is needed, since a client that sent one must learn it is not logged in. Other
 * {@code Authorization} schemes are left to the rest of the mechanism; tokens in the query string
 * (§2.3) are not accepted at all, as they end up in access logs. A live token also needs its
 * account's security stamp to be the one it was issued under, and the account to exist and be
 * enabled ({@link SecurityStamps#check}); the request gets the account's groups of now. A
 * {@link LoginEntry.Stage#CREDENTIAL} entry: asked before the session.
 */
@ApplicationScoped
@Priority(100)
public class BearerEntry implements LoginEntry {

    private static final String SCHEME = "Bearer";

    @Inject
    ApiTokenService tokens;

    @Inject
    SecurityStamps stamps;

    @Override
    public Stage stage() {
        return Stage.CREDENTIAL;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return applies(request);
    }

    /** Whether the request names the Bearer scheme (case-insensitive, as RFC 9110 §11.1 says). */
    static boolean applies(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (header.length() == SCHEME.length() || header.charAt(SCHEME.length()) == ' ');
    }

    @Override
    public AuthenticationStatus handle(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String token = request.getHeader("Authorization").substring(SCHEME.length()).strip();
        ApiTokenCheck check = tokens.check(token);
        if (!(check instanceof ApiTokenCheck.Valid valid)) {
            return ApiRequests.invalidToken(response, ((ApiTokenCheck.Invalid) check).reason().message());
        }
        ApiTokenGrant grant = valid.grant();
        if (!(stamps.check(grant.caller(), grant.securityStamp()) instanceof StampCheck.Valid account)) {
            return ApiRequests.invalidToken(response, ApiTokenCheck.Reason.REVOKED.message());
        }
        grant.attachTo(request);
        new SessionLogin(grant.caller(), account.account().groups(), LoginMethod.API_TOKEN, grant.issuedAt(), grant.securityStamp())
                .attachTo(request);
        return context.notifyContainerAboutLogin(grant.caller(), account.account().groups());
    }
}
