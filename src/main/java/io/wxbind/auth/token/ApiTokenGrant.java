package io.wxbind.auth.token;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * What a valid token stands for: the caller of the login that asked for it, the security stamp
 * that login was issued under ({@code io.wxbind.account.SecurityStamps}), and its lifetime. No
 * groups: they are read from the account whenever the stamp is checked, never frozen into a token.
 * This is what is stored (under the token's hash) and cached; the token itself is not part of it. A request authenticated by a token carries its
 * grant as a request attribute, so {@code DELETE /api/wechat/tokens/current} knows which token to revoke.
 */
public record ApiTokenGrant(String tokenHash, String caller, String securityStamp, Instant issuedAt, Instant expiresAt) {

    private static final String ATTRIBUTE = ApiTokenGrant.class.getName();

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Marks the current request as authenticated by this grant (request only: no session). */
    public void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The grant of the bearer token that authenticated this request, if it was one. */
    public static Optional<ApiTokenGrant> current(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof ApiTokenGrant g ? Optional.of(g) : Optional.empty();
    }

    /** The hash is shortened: it is a key, and logs need no keys. */
    @Override
    public String toString() {
        return "ApiTokenGrant[" + tokenHash.substring(0, Math.min(8, tokenHash.length())) + "…, caller=" + caller
                + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
    }
}
