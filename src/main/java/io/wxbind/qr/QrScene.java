package io.wxbind.qr;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One temporary QR code and what became of it. A scan only moves it to {@code SCANNED} and
 * records who scanned ({@link #scanned}); the scanner's confirm link carries a ticket whose hash
 * is kept here, {@link #verified} binds it to the phone's browser once WeChat vouched for the
 * openid, and only the answer on that phone completes the scene.
 *
 * <pre>
 *  PENDING --scan--> SCANNED --confirm--> CONFIRMED (login) --desktop completes--> USED
 *     |                 |      \-confirm--> BOUND | REFUSED (bind; conflict)
 *     |                 \-"Not me"--> CANCELLED
 *     \-scan by an unbound WeChat (login) --> UNBOUND; by a WeChat bound elsewhere (bind) --> REFUSED
 * </pre>
 */
@Entity
@Table(name = "wxbind_qr_scene")
@NamedQuery(name = QrScene.DELETE_EXPIRED_BEFORE, query = "delete from QrScene s where s.expiresAt < :before")
public class QrScene {

    /** For the purger: parameter {@code before}. */
    public static final String DELETE_EXPIRED_BEFORE = "QrScene.deleteExpiredBefore";
    /** Kept this long after expiry: the creation caps ({@link QrCreationCap#WINDOW}) and late status polls still see it. */
    public static final Duration KEPT_AFTER_EXPIRY = Duration.ofHours(1);

    public enum Purpose { BIND, LOGIN }

    public enum Status {
        PENDING, SCANNED, BOUND, REFUSED, CONFIRMED, UNBOUND, USED, CANCELLED;

        /** Nothing more can happen to the scene (a confirmed login still waits for its desktop, but the phone is done). */
        public boolean isFinal() {
            return this != PENDING && this != SCANNED;
        }
    }

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

    @Column(name = "scanner_open_id", length = 64)
    private String scannerOpenId;

    @Column(name = "scanned_at")
    private Instant scannedAt;

    @Column(name = "confirm_ticket_hash", length = 64)
    private String confirmTicketHash;

    @Column(name = "confirm_expires_at")
    private Instant confirmExpiresAt;

    @Column(name = "confirm_browser_hash", length = 64)
    private String confirmBrowserHash;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "user_agent", length = 64)
    private String userAgent;

    @Column(name = "client_display", length = 64)
    private String clientDisplay;

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

    /** The status a page is shown: a scene nobody finished in time is {@code expired}, whatever it waited for. */
    public String shownStatus(Instant now) {
        Status s = status();
        boolean lapsed = s == Status.PENDING ? isExpiredAt(now) : s == Status.SCANNED && !isConfirmOpenAt(now);
        return lapsed ? "expired" : s.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Scanned and the confirm ticket still valid (the phone may still answer). */
    public boolean isConfirmOpenAt(Instant now) {
        return status() == Status.SCANNED && confirmExpiresAt != null && now.isBefore(confirmExpiresAt);
    }

    public String scannerOpenId() {
        return scannerOpenId;
    }

    public Instant scannedAt() {
        return scannedAt;
    }

    public String confirmBrowserHash() {
        return confirmBrowserHash;
    }

    public String userAgent() {
        return userAgent;
    }

    public String clientDisplay() {
        return clientDisplay;
    }

    /** Login scenes: what the phone will be shown about the browser that asked. */
    void describeDesktop(String userAgentSummary, String maskedAddress) {
        this.userAgent = userAgentSummary;
        this.clientDisplay = maskedAddress;
    }

    /**
     * PENDING → SCANNED (or a new ticket for the same scanner): who scanned, and the hash of the
     * confirm ticket sent to them. The scene lives at least {@code keepUntil}, so that a code
     * scanned just before its end can still be confirmed and completed.
     */
    void scanned(String openId, String ticketHash, Instant ticketExpiresAt, Instant keepUntil, Instant now) {
        status = "scanned";
        scannerOpenId = openId;
        scannedAt = now;
        confirmTicketHash = ticketHash;
        confirmExpiresAt = ticketExpiresAt;
        if (keepUntil.isAfter(expiresAt)) {
            expiresAt = keepUntil;
        }
    }

    /** WeChat vouched for the scanner in the phone's browser: the ticket is spent, the answer belongs to that browser. */
    void verified(String browserHash, Instant now) {
        confirmTicketHash = null;
        confirmBrowserHash = browserHash;
        verifiedAt = now;
    }

    /** Whether the confirm link was already opened by its owner (a new scan must not issue another one then). */
    boolean isVerified() {
        return verifiedAt != null;
    }

    void complete(Status outcome, String account, String text, Instant now) {
        status = outcome.name().toLowerCase(java.util.Locale.ROOT);
        resultAccount = account;
        message = text;
        completedAt = now;
    }
}
