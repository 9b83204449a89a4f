package io.wxbind.auth.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One issued bearer token, stored under the SHA-256 of the token (never the token), with the
 * security stamp of the login that asked for it, so that a validation is a single primary-key
 * read. Revoking deletes the row.
 */
@Entity
@Table(name = "wxbind_api_token")
@NamedQuery(name = ApiToken.BY_CALLER, query = "select t from ApiToken t where t.caller = :caller order by t.issuedAt desc, t.tokenHash")
@NamedQuery(name = ApiToken.DELETE_BY_CALLER, query = "delete from ApiToken t where t.caller = :caller")
@NamedQuery(name = ApiToken.DELETE_BY_HASH, query = "delete from ApiToken t where t.tokenHash = :hash")
@NamedQuery(name = ApiToken.DELETE_EXPIRED, query = "delete from ApiToken t where t.expiresAt < :now")
public class ApiToken {

    /** A caller's tokens, newest first: parameter {@code caller}. */
    static final String BY_CALLER = "ApiToken.byCaller";
    static final String DELETE_BY_CALLER = "ApiToken.deleteByCaller";
    static final String DELETE_BY_HASH = "ApiToken.deleteByHash";
    /** For the purger: parameter {@code now}. */
    public static final String DELETE_EXPIRED = "ApiToken.deleteExpired";

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "caller", nullable = false, length = 128)
    private String caller;

    @Column(name = "security_stamp", nullable = false, length = 64)
    private String securityStamp;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected ApiToken() {
    }

    ApiToken(ApiTokenGrant grant) {
        this.tokenHash = grant.tokenHash();
        this.caller = grant.caller();
        this.securityStamp = grant.securityStamp();
        this.issuedAt = grant.issuedAt();
        this.expiresAt = grant.expiresAt();
    }

    ApiTokenGrant grant() {
        return new ApiTokenGrant(tokenHash, caller, securityStamp, issuedAt, expiresAt);
    }

    String tokenHash() {
        return tokenHash;
    }

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
