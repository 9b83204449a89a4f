package io.wxbind.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This node's short memory of values read from PostgreSQL, so a burst of requests costs one
 * read per key and cache window instead of one per request (a hit is one map lookup).
 *
 * <ul>
 * <li>An entry lives {@code ttl} (a few seconds), and never past the {@code notAfter} given with it.</li>
 * <li>At most {@code maxEntries} (give or take the few inserts racing at that moment): when
 *     full, expired entries are swept; if it is still full, the new value is simply not cached
 *     (the next request reads the database again).</li>
 * <li>An eviction on this node takes effect at once. A read of the database that began before
 *     the change it stands for committed cannot put the old value back: {@link #put} takes the
 *     {@link #generation()} from before that read and drops its entry if any eviction came after.</li>
 * <li>Other nodes are not told: they keep their entry until it ends, at most {@code ttl}.</li>
 * </ul>
 * A zero {@code ttl} turns the cache off.
 */
public final class NodeCache<K, V> {

    private record Entry<V>(V value, Instant until) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong evictions = new AtomicLong();
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;

    public NodeCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    public Optional<V> get(K key) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(e.until())) {
            entries.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    /** Taken before reading a value from the database; see {@link #put}. */
    public long generation() {
        return evictions.get();
    }

    /**
     * Remembers a value read after {@code generation} was taken, unless something was evicted since.
     *
     * @param notAfter when the value itself stops being valid (a token's expiry), or null
     */
    public void put(K key, V value, Instant notAfter, long generation) {
        if (ttl.isZero()) {
            return;
        }
        Instant now = clock.instant();
        Instant cacheEnd = now.plus(ttl);
        Instant until = notAfter != null && notAfter.isBefore(cacheEnd) ? notAfter : cacheEnd;
        if (!now.isBefore(until) || !roomFor(now)) {
            return;
        }
        Entry<V> entry = new Entry<>(value, until);
        entries.put(key, entry);
        // Eviction increments first, then removes: either it removes this entry, or we see its count.
        if (evictions.get() != generation) {
            entries.remove(key, entry);
        }
    }

    public void evict(K key) {
        evictions.incrementAndGet();
        entries.remove(key);
    }

    public void evictAll(Collection<K> keys) {
        if (!keys.isEmpty()) {
            evictions.incrementAndGet();
            keys.forEach(entries::remove);
        }
    }

    public int size() {
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
