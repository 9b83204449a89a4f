package io.wxbind.account;

import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.cache.NodeCache;
import io.wxbind.util.SecureTokens;
import io.wxbind.config.SecurityConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Security stamps (ASP.NET Identity's SecurityStamp, Keycloak's not-before): one revocation for
 * sessions and bearer tokens on every node.
 *
 * <pre>
 *  1. login ({@link #admit}): stamp read from PostgreSQL, then the account from the
 *     {@link AccountDirectory}; gone or disabled → no login; else the session / token keeps the stamp
 *  2. each request ({@link #check}): this node's entry for the account (≤ cache-seconds old), else
 *     stamp + account read again; stamp differs, account gone or disabled → refused;
 *     else the account's groups now are this request's groups
 *  3. a change ({@link #rotate}): new random stamp in the caller's transaction, {@link StampRotated}
 *     (tokens dropped, …), audit REVOKED; this node forgets the account at once, other nodes
 *     within cache-seconds
 * </pre>
 *
 * The stamp is read before the account in steps 1 and 2: a change that commits between the
 * two reads leaves an old stamp behind, which step 2 refuses later, never the other way round.
 */
@ApplicationScoped
public class SecurityStamps {

    static final int MAX_ENTRIES = 10_000;

    private static final Logger LOG = Logger.getLogger(SecurityStamps.class.getName());

    /** What a node remembers of an account; {@code account} null when there is none. */
    private record Known(String stamp, AccountState account) {
    }

    @Inject
    SecurityStampStore store;

    @Inject
    AccountDirectory directory;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Event<StampRotated> rotated;

    @Inject
    SecurityConfig settings;

    private NodeCache<String, Known> cache;

    @PostConstruct
    void init() {
        cache = new NodeCache<>(settings.stampCache(), MAX_ENTRIES, clock);
    }

    /** Step 1: the account and its stamp as they are now (never from the cache), if it may log in. */
    public Optional<StampedAccount> admit(String account) {
        Known known = load(account);
        if (known.account() == null || !known.account().enabled()) {
            return Optional.empty();
        }
        return Optional.of(new StampedAccount(known.account(), known.stamp()));
    }

    /** Step 2: whether a session or token issued under {@code stamp} still stands; on the hot path, one map lookup. */
    public StampCheck check(String account, String stamp) {
        Known known = cache.get(account).orElseGet(() -> load(account));
        if (known.account() == null) {
            return new StampCheck.Refused(StampCheck.Why.GONE);
        }
        if (!known.account().enabled()) {
            return new StampCheck.Refused(StampCheck.Why.DISABLED);
        }
        if (!SecureTokens.constantTimeEquals(known.stamp(), stamp)) {
            return new StampCheck.Refused(StampCheck.Why.REVOKED);
        }
        return new StampCheck.Valid(known.account());
    }

    /** Step 3: every session and token of the account ends; returns the new stamp (for the session that asked to stay). */
    @Transactional
    public String rotate(String account, RevocationReason reason) {
        cache.evict(account);
        String stamp = store.rotate(account, reason, clock.instant());
        rotated.fire(new StampRotated(account, reason));
        audit.fire(AuditEvent.of(AuditKind.REVOKED, account).withReason(reason.code()));
        LOG.fine(() -> "security stamp of " + account + " changed: " + reason.code());
        return stamp;
    }

    /** After the rotation committed (or not): a read this node made meanwhile may have cached the old stamp. */
    void forgetAfterCompletion(@Observes(during = TransactionPhase.AFTER_COMPLETION) StampRotated event) {
        cache.evict(event.account());
    }

    private Known load(String account) {
        long generation = cache.generation();
        String stamp = store.current(account);
        Known known = new Known(stamp, directory.find(account).orElse(null));
        cache.put(account, known, null, generation);
        return known;
    }
}
