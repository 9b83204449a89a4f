package io.wxbind.auth.flow;

import java.time.Instant;
import java.util.Optional;

/**
 * A pending authorization (flow step 1): everything the callback needs besides the code. It
 * travels in the browser's signed pending-login cookie ({@link PendingLoginCodec}), bound to
 * the browser by its cookie hash, never in the database.
 */
public class AuthorizationRequest {

    private final String state;
    private final String browserHash;
    private final String appId;
    private final String scope;
    private final String redirectUri;
    private final String returnTo;
    private final Instant createdAt;
    private final Instant expiresAt;

    /** Set when a feature started the login for its own purpose (a bind link, a QR confirm link): it decides at the callback. */
    private Continuation continuation;

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

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Continuation> continuation() {
        return Optional.ofNullable(continuation);
    }

    public AuthorizationRequest continuing(Continuation value) {
        this.continuation = value;
        return this;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
