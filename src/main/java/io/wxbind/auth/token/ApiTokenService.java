package io.wxbind.auth.token;

import io.wxbind.account.StampRotated;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.config.ApiTokenConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Issues, checks and revokes bearer API tokens (steps 1-3 of {@link io.wxbind.auth.token}).
 * Not transactional on purpose: each store call commits before the cache is touched, so an
 * eviction always follows the delete it stands for.
 *
 * <p>A token may be used to get a new one (a client renews before {@code expires_in} runs out);
 * the new one carries the same security stamp, so a chain of renewed tokens ends with the first
 * stamp change of the account ("log out everywhere", password, ...), whose tokens are deleted then.
 * Another node may accept a revoked token for at most {@code wxbind.api-token.cache-seconds}.
 */
@ApplicationScoped
public class ApiTokenService {

    private static final Logger LOG = Logger.getLogger(ApiTokenService.class.getName());

    @Inject
    ApiTokenStore store;

    @Inject
    ApiTokenConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> events;

    private ApiTokenCache cache;

    @PostConstruct
    void init() {
        cache = new ApiTokenCache(config.cacheTime(), ApiTokenCache.MAX_ENTRIES, clock);
    }

    /**
     * Step 1: a new token for this caller, under the security stamp of the login that asks for it
     * (never a fresher one); the caller's oldest may be dropped (the cap).
     */
    public IssuedApiToken issue(String caller, String securityStamp) {
        String token = ApiTokenFormat.newToken();
        Instant now = clock.instant();
        ApiTokenGrant grant = new ApiTokenGrant(ApiTokenFormat.hash(token), caller, securityStamp, now, now.plus(config.ttl()));
        List<String> dropped = store.add(grant, config.maxPerCaller(), now);
        cache.evictAll(dropped);
        events.fire(AuditEvent.of(AuditKind.TOKEN_ISSUED, caller));
        LOG.fine(() -> "API token issued to " + caller + " until " + grant.expiresAt()
                + (dropped.isEmpty() ? "" : "; " + dropped.size() + " older or expired tokens dropped"));
        return new IssuedApiToken(token, config.ttl().toSeconds(), grant);
    }

    /** Step 2: whether a token from an {@code Authorization} header is live, and whose it is. */
    public ApiTokenCheck check(String token) {
        if (!ApiTokenFormat.isWellFormed(token)) {
            return new ApiTokenCheck.Invalid(ApiTokenCheck.Reason.MALFORMED);
        }
        String hash = ApiTokenFormat.hash(token);
        Optional<ApiTokenGrant> cached = cache.get(hash);
        if (cached.isPresent()) {
            return new ApiTokenCheck.Valid(cached.get());
        }
        long stamp = cache.stamp();
        Optional<ApiTokenGrant> stored = store.find(hash);
        if (stored.isEmpty()) {
            return new ApiTokenCheck.Invalid(ApiTokenCheck.Reason.UNKNOWN);
        }
        if (stored.get().isExpiredAt(clock.instant())) {
            return new ApiTokenCheck.Invalid(ApiTokenCheck.Reason.EXPIRED);
        }
        cache.put(stored.get(), stamp);
        return new ApiTokenCheck.Valid(stored.get());
    }

    /** Step 3: this token no longer works, at once on this node. */
    public void revoke(ApiTokenGrant grant) {
        boolean removed = store.remove(grant.tokenHash());
        cache.evict(grant.tokenHash());
        events.fire(AuditEvent.of(AuditKind.TOKEN_REVOKED, grant.caller()).withReason("current"));
        LOG.fine(() -> "API token of " + grant.caller() + (removed ? " revoked" : " was already gone"));
    }

    /** Step 3 for every token of the caller; returns how many there were. */
    public int revokeAll(String caller) {
        List<String> removed = store.removeAllOf(caller);
        cache.evictAll(removed);
        events.fire(AuditEvent.of(AuditKind.TOKEN_REVOKED, caller).withReason("all"));
        LOG.fine(() -> removed.size() + " API tokens of " + caller + " revoked");
        return removed.size();
    }

    /** The account's stamp changed: its tokens are dead anyway, delete them (in the rotating transaction). */
    void onStampRotated(@Observes StampRotated rotated) {
        revokeAll(rotated.account());
    }

    /** Tokens this node currently trusts without a database read; for tests and monitoring. */
    int cachedTokens() {
        return cache.size();
    }
}
