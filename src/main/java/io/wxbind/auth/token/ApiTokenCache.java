package io.wxbind.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This node's memory of recently validated tokens (step 2 of {@link io.wxbind.auth.token}), so
 * a client's burst of requests costs one database read per token and cache window instead of one
 * per request. Keyed by token hash.
 *
 * <ul>
 * <li>An entry lives {@code ttl} (a few seconds), and never past its token's expiry.</li>
 * <li>At most {@code maxEntries} (give or take the few inserts racing at that moment): when
 *     full, expired entries are swept; if it is still full, the new grant is simply not cached
 *     (the next request reads the database again).</li>
 * <li>Revocation on this node evicts at once. A validation that read the database before the
 *     revocation committed cannot put the revoked grant back: {@link #put} takes the
 *     {@link #stamp()} from before that read and drops its entry if any eviction came after.</li>
 * <li>Other nodes are not told: they may accept a revoked token until their entry ends, at most
 *     {@code ttl} ({@code wxbind.api-token.cache-seconds}).</li>
 * </ul>
 * A zero {@code ttl} turns the cache off.
 */
final class ApiTokenCache {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(ApiTokenGrant grant, Instant until) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong evictions = new AtomicLong();
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;

    ApiTokenCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    Optional<ApiTokenGrant> get(String tokenHash) {
        Entry e = entries.get(tokenHash);
        if (e == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(e.until())) {
            entries.remove(tokenHash, e);
            return Optional.empty();
        }
        return Optional.of(e.grant());
    }

    /** Taken before reading a grant from the database; see {@link #put}. */
    long stamp() {
        return evictions.get();
    }

    /** Remembers a grant read after {@code stamp} was taken, unless something was evicted since. */
    void put(ApiTokenGrant grant, long stamp) {
        if (ttl.isZero()) {
            return;
        }
        Instant now = clock.instant();
        Instant cacheEnd = now.plus(ttl);
        Instant until = grant.expiresAt().isBefore(cacheEnd) ? grant.expiresAt() : cacheEnd;
        if (!now.isBefore(until) || !roomFor(now)) {
            return;
        }
        Entry entry = new Entry(grant, until);
        entries.put(grant.tokenHash(), entry);
        // Eviction increments first, then removes: either it removes this entry, or we see its count.
        if (evictions.get() != stamp) {
            entries.remove(grant.tokenHash(), entry);
        }
    }

    void evict(String tokenHash) {
        evictions.incrementAndGet();
        entries.remove(tokenHash);
    }

    void evictAll(Collection<String> tokenHashes) {
        if (!tokenHashes.isEmpty()) {
            evictions.incrementAndGet();
            tokenHashes.forEach(entries::remove);
        }
    }

    int size() {
        return entries.size();
    }

    private boolean roomFor(Instant now) {
        if (entries.size() < maxEntries) {
            return true;
        }
        entries.values().removeIf(e -> !now.isBefore(e.until()));
        return entries.size() < maxEntries;
    }
}
