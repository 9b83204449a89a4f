package io.wxbind.auth.remember;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code wxbind_remember_me} (schema V14): one remember-me token, stored under its SHA-256. */
@Entity
@Table(name = "wxbind_remember_me")
@NamedQuery(name = RememberMeToken.BY_CALLER,
        query = "select t from RememberMeToken t where t.caller = :caller order by t.createdAt desc, t.tokenHash")
@NamedQuery(name = RememberMeToken.DELETE_BY_HASH, query = "delete from RememberMeToken t where t.tokenHash = :hash")
@NamedQuery(name = RememberMeToken.DELETE_BY_CALLER, query = "delete from RememberMeToken t where t.caller = :caller")
@NamedQuery(name = RememberMeToken.DELETE_EXPIRED, query = "delete from RememberMeToken t where t.expiresAt < :now")
@NamedQuery(name = RememberMeToken.TOUCH, query = "update RememberMeToken t set t.lastUsedAt = :now where t.tokenHash = :hash")
public class RememberMeToken {

    static final String BY_CALLER = "RememberMeToken.byCaller";
    static final String DELETE_BY_HASH = "RememberMeToken.deleteByHash";
    static final String DELETE_BY_CALLER = "RememberMeToken.deleteByCaller";
    static final String TOUCH = "RememberMeToken.touch";
    /** For the purger: parameter {@code now}. */
    public static final String DELETE_EXPIRED = "RememberMeToken.deleteExpired";

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "caller", nullable = false, length = 128)
    private String caller;

    @Column(name = "security_stamp", nullable = false, length = 64)
    private String securityStamp;

    @Column(name = "login_method", nullable = false, length = 32)
    private String loginMethod;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    protected RememberMeToken() {
    }

    RememberMeToken(RememberMeGrant grant) {
        this.tokenHash = grant.tokenHash();
        this.caller = grant.caller();
        this.securityStamp = grant.securityStamp();
        this.loginMethod = grant.loginMethod();
        this.createdAt = grant.createdAt();
        this.expiresAt = grant.expiresAt();
        this.lastUsedAt = grant.lastUsedAt();
    }

    RememberMeGrant grant() {
        return new RememberMeGrant(tokenHash, caller, securityStamp, loginMethod, createdAt, expiresAt, lastUsedAt);
    }

    String tokenHash() {
        return tokenHash;
    }

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
