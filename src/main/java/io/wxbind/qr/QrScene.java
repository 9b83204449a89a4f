package io.wxbind.qr;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One temporary QR code and what became of it. */
@Entity
@Table(name = "wxbind_qr_scene")
@NamedQuery(name = QrScene.DELETE_EXPIRED_BEFORE, query = "delete from QrScene s where s.expiresAt < :before")
public class QrScene {

    /** For the purger: parameter {@code before}. */
    public static final String DELETE_EXPIRED_BEFORE = "QrScene.deleteExpiredBefore";
    /** Kept this long after expiry: the per-IP count ({@link QrLoginThrottle#WINDOW}) and late status polls still see it. */
    public static final Duration KEPT_AFTER_EXPIRY = Duration.ofHours(1);

    public enum Purpose { BIND, LOGIN }

    public enum Status { PENDING, BOUND, REFUSED, CONFIRMED, UNBOUND, USED }

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "purpose", nullable = false, length = 16)
    private String purpose;

    @Column(name = "app_id", nullable = false, length = 32)
    private String appId;

    @Column(name = "scene_str", nullable = false, length = 64)
    private String sceneStr;

    @Column(name = "ticket", nullable = false, length = 512)
    private String ticket;

    @Column(name = "account_name", length = 128)
    private String accountName;

    @Column(name = "browser_hash", length = 64)
    private String browserHash;

    @Column(name = "client_ip", length = 64)
    private String clientIp;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "result_account", length = 128)
    private String resultAccount;

    @Column(name = "message", length = 256)
    private String message;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected QrScene() {
    }

    /** {@code browserHash} and {@code clientIp} for login scenes only (reuse and the per-IP cap), else null. */
    QrScene(String id, Purpose purpose, String appId, String sceneStr, String ticket, String accountName, String browserHash,
            String clientIp, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.purpose = purpose.name().toLowerCase(java.util.Locale.ROOT);
        this.appId = appId;
        this.sceneStr = sceneStr;
        this.ticket = ticket;
        this.accountName = accountName;
        this.browserHash = browserHash;
        this.clientIp = clientIp;
        this.status = "pending";
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String id() {
        return id;
    }

    public Purpose purpose() {
        return Purpose.valueOf(purpose.toUpperCase(java.util.Locale.ROOT));
    }

    public String appId() {
        return appId;
    }

    public String ticket() {
        return ticket;
    }

    public String accountName() {
        return accountName;
    }

    public String browserHash() {
        return browserHash;
    }

    public Status status() {
        return Status.valueOf(status.toUpperCase(java.util.Locale.ROOT));
    }

    public String resultAccount() {
        return resultAccount;
    }

    public String message() {
        return message;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    void complete(Status outcome, String account, String text, Instant now) {
        status = outcome.name().toLowerCase(java.util.Locale.ROOT);
        resultAccount = account;
        message = text;
        completedAt = now;
    }
}
