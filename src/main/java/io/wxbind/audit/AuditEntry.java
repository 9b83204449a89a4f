package io.wxbind.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One row of {@code wxbind_audit_log}, read side only: rows are inserted by {@link AuditLog}
 * with one native statement (no identity round trip, the same on EclipseLink and Hibernate) and
 * never changed afterwards.
 */
@Entity
@Table(name = "wxbind_audit_log")
@NamedQuery(name = AuditEntry.OF_ACCOUNT_BEFORE,
        query = "select e from AuditEntry e where e.account = :account and e.id < :before order by e.id desc")
@NamedQuery(name = AuditEntry.DELETE_BEFORE, query = "delete from AuditEntry e where e.at < :before")
public class AuditEntry {

    /** An account's entries older than a cursor, newest first: parameters {@code account}, {@code before}. */
    static final String OF_ACCOUNT_BEFORE = "AuditEntry.ofAccountBefore";
    /** For the purge: parameter {@code before}. */
    static final String DELETE_BEFORE = "AuditEntry.deleteBefore";

    @Id
    private Long id;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(name = "kind", nullable = false, length = 32)
    private String kind;

    @Column(name = "account", length = 128)
    private String account;

    @Column(name = "app_id", length = 32)
    private String appId;

    @Column(name = "short_open_id", length = 16)
    private String shortOpenId;

    @Column(name = "method", length = 32)
    private String method;

    @Column(name = "reason", length = 64)
    private String reason;

    @Column(name = "client_address", length = 45)
    private String clientAddress;

    @Column(name = "client_masked", length = 48)
    private String clientMasked;

    @Column(name = "user_agent", length = 256)
    private String userAgent;

    @Column(name = "node", length = 128)
    private String node;

    @Column(name = "subject", length = 128)
    private String subject;

    protected AuditEntry() {
    }

    public long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    /** The stored kind name; kept as text so an entry written by a newer version still reads. */
    public String kind() {
        return kind;
    }

    public String account() {
        return account;
    }

    public String appId() {
        return appId;
    }

    public String shortOpenId() {
        return shortOpenId;
    }

    public String method() {
        return method;
    }

    public String reason() {
        return reason;
    }

    /** The full address, for an administrator's investigation; people are shown {@link #clientMasked()}. */
    public String clientAddress() {
        return clientAddress;
    }

    public String clientMasked() {
        return clientMasked;
    }

    public String userAgent() {
        return userAgent;
    }

    public String node() {
        return node;
    }

    /** The account an administrator acted on ({@link AuditKind#ADMIN}), else null. */
    public String subject() {
        return subject;
    }
}
