package io.wxbind.link;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** The openid a bind link was sent to; only the ticket's hash is stored. */
@Entity
@Table(name = "wxbind_link_ticket")
@NamedQuery(name = LinkTicket.DELETE_EXPIRED, query = "delete from LinkTicket t where t.expiresAt < :now")
public class LinkTicket {

    /** For the purger: parameter {@code now}. */
    public static final String DELETE_EXPIRED = "LinkTicket.deleteExpired";

    @Id
    @Column(name = "ticket_hash", length = 64)
    private String ticketHash;

    @Column(name = "app_id", nullable = false, length = 32)
    private String appId;

    @Column(name = "open_id", nullable = false, length = 64)
    private String openId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected LinkTicket() {
    }

    LinkTicket(String ticketHash, String appId, String openId, Instant createdAt, Instant expiresAt) {
        this.ticketHash = ticketHash;
        this.appId = appId;
        this.openId = openId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String appId() {
        return appId;
    }

    public String openId() {
        return openId;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
