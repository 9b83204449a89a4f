package io.wxbind.auth.flow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A pending authorization (flow step 1), keyed by its random {@code state}. The state carries
 * no data; everything the callback needs is here, bound to the browser by a cookie hash.
 */
@Entity
@Table(name = "wxbind_auth_request")
public class AuthorizationRequest {

    @Id
    @Column(name = "state", length = 128)
    private String state;

    @Column(name = "browser_hash", nullable = false, length = 64)
    private String browserHash;

    @Column(name = "app_id", nullable = false, length = 32)
    private String appId;

    @Column(name = "scope", nullable = false, length = 32)
    private String scope;

    @Column(name = "redirect_uri", nullable = false, length = 1024)
    private String redirectUri;

    @Column(name = "return_to", nullable = false, length = 2048)
    private String returnTo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /** Set when the login was started from a message link: the callback's openid must be the link's. */
    @Column(name = "link_ticket_hash", length = 64)
    private String linkTicketHash;

    /** Set when the login was started from a QR confirm link: the callback's openid must be the scanner's. */
    @Column(name = "confirm_ticket_hash", length = 64)
    private String confirmTicketHash;

    protected AuthorizationRequest() {
    }

    public AuthorizationRequest(String state, String browserHash, String appId, String scope, String redirectUri,
            String returnTo, Instant createdAt, Instant expiresAt) {
        this.state = state;
        this.browserHash = browserHash;
        this.appId = appId;
        this.scope = scope;
        this.redirectUri = redirectUri;
        this.returnTo = returnTo;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String state() {
        return state;
    }

    public String browserHash() {
        return browserHash;
    }

    public String appId() {
        return appId;
    }

    public String scope() {
        return scope;
    }

    public String redirectUri() {
        return redirectUri;
    }

    public String returnTo() {
        return returnTo;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String linkTicketHash() {
        return linkTicketHash;
    }

    AuthorizationRequest forLink(String ticketHash) {
        this.linkTicketHash = ticketHash;
        return this;
    }

    public String confirmTicketHash() {
        return confirmTicketHash;
    }

    AuthorizationRequest forConfirm(String ticketHash) {
        this.confirmTicketHash = ticketHash;
        return this;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
