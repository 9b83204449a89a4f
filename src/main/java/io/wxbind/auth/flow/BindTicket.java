package io.wxbind.auth.flow;

import io.wxbind.wechat.WeChatIdentity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Stands for an unbound WeChat identity (flow step 4) while the person logs in once. The
 * openid stays here, server-side; the browser only holds the random ticket, of which only the
 * SHA-256 is stored.
 */
@Entity
@Table(name = "wxbind_bind_ticket")
public class BindTicket {

    @Id
    @Column(name = "ticket_hash", length = 64)
    private String ticketHash;

    @Column(name = "browser_hash", nullable = false, length = 64)
    private String browserHash;

    @Column(name = "app_id", nullable = false, length = 32)
    private String appId;

    @Column(name = "open_id", nullable = false, length = 64)
    private String openId;

    @Column(name = "union_id", length = 64)
    private String unionId;

    @Column(name = "nickname", length = 128)
    private String nickname;

    @Column(name = "avatar_url", length = 512)
    private String avatarUrl;

    @Column(name = "return_to", nullable = false, length = 2048)
    private String returnTo;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected BindTicket() {
    }

    public BindTicket(String ticketHash, String browserHash, WeChatIdentity identity, String returnTo,
            Instant createdAt, Instant expiresAt) {
        this.ticketHash = ticketHash;
        this.browserHash = browserHash;
        this.appId = identity.appId();
        this.openId = identity.openId();
        this.unionId = identity.unionId();
        this.nickname = identity.nickname();
        this.avatarUrl = identity.avatarUrl();
        this.returnTo = returnTo;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public WeChatIdentity identity() {
        return new WeChatIdentity(appId, openId, unionId, nickname, avatarUrl);
    }

    public String browserHash() {
        return browserHash;
    }

    public String returnTo() {
        return returnTo;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    /** One proof checked (or being checked) on this ticket; counted before the check, so a failure until it succeeds. */
    void recordFailure() {
        failedAttempts++;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
