package io.wxbind.auth.token;

import io.wxbind.cache.NodeCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * This node's memory of recently validated tokens (step 2 of {@link io.wxbind.auth.token}),
 * keyed by token hash: a {@link NodeCache} whose entries never outlive their token. Revocation
 * on this node evicts at once; other nodes may accept a revoked token until their entry ends, at
 * most {@code wxbind.api-token.cache-seconds}. (The account's security stamp, checked for every
 * token, bounds that the same way for "log out everywhere".)
 */
final class ApiTokenCache {

    static final int MAX_ENTRIES = 10_000;

    private final NodeCache<String, ApiTokenGrant> entries;

    ApiTokenCache(Duration ttl, int maxEntries, Clock clock) {
        this.entries = new NodeCache<>(ttl, maxEntries, clock);
    }

    Optional<ApiTokenGrant> get(String tokenHash) {
        return entries.get(tokenHash);
    }

    /** Taken before reading a grant from the database; see {@link #put}. */
    long stamp() {
        return entries.generation();
    }

    /** Remembers a grant read after {@code stamp} was taken, unless something was evicted since. */
    void put(ApiTokenGrant grant, long stamp) {
        entries.put(grant.tokenHash(), grant, grant.expiresAt(), stamp);
    }

    void evict(String tokenHash) {
        entries.evict(tokenHash);
    }

    void evictAll(Collection<String> tokenHashes) {
        entries.evictAll(tokenHashes);
    }

    int size() {
        return entries.size();
    }
}
