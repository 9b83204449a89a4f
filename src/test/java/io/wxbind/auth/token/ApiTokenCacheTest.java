package io.wxbind.auth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The node-local cache: expiring, never past the token, bounded, and safe against a revocation race. */
class ApiTokenCacheTest {

    private final MutableClock clock = new MutableClock();

    private ApiTokenGrant grant(String hash, Duration lifetime) {
        Instant now = clock.instant();
        return new ApiTokenGrant(hash, "alice", "stamp", now, now.plus(lifetime));
    }

    @Test
    void getWhenPutThenHitUntilCacheTimeEnds() {
        ApiTokenCache cache = new ApiTokenCache(Duration.ofSeconds(5), 10, clock);
        cache.put(grant("h1", Duration.ofHours(1)), cache.stamp());
        clock.advance(Duration.ofSeconds(4));
        assertEquals("alice", cache.get("h1").orElseThrow().caller());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(cache.get("h1").isEmpty());
        assertEquals(0, cache.size(), "an expired entry is dropped when met");
    }

    @Test
    void getWhenTokenExpiresBeforeCacheTimeThenEntryEndsWithTheToken() {
        ApiTokenCache cache = new ApiTokenCache(Duration.ofSeconds(60), 10, clock);
        cache.put(grant("h1", Duration.ofSeconds(3)), cache.stamp());
        clock.advance(Duration.ofMillis(2999));
        assertTrue(cache.get("h1").isPresent());
        clock.advance(Duration.ofMillis(1));
        assertTrue(cache.get("h1").isEmpty(), "never outlives the token");
    }

    @Test
    void putWhenTokenAlreadyExpiredOrCacheOffThenNothingCached() {
        ApiTokenCache cache = new ApiTokenCache(Duration.ofSeconds(5), 10, clock);
        cache.put(grant("h0", Duration.ZERO), cache.stamp());
        assertEquals(0, cache.size());
        ApiTokenCache off = new ApiTokenCache(Duration.ZERO, 10, clock);
        off.put(grant("h1", Duration.ofHours(1)), off.stamp());
        assertTrue(off.get("h1").isEmpty());
        assertEquals(0, off.size());
    }

    @Test
    void putWhenFullThenExpiredSweptElseNewOneNotCached() {
        ApiTokenCache cache = new ApiTokenCache(Duration.ofSeconds(5), 3, clock);
        cache.put(grant("a", Duration.ofHours(1)), cache.stamp());
        cache.put(grant("b", Duration.ofHours(1)), cache.stamp());
        clock.advance(Duration.ofSeconds(3));
        cache.put(grant("c", Duration.ofHours(1)), cache.stamp());
        cache.put(grant("d", Duration.ofHours(1)), cache.stamp());
        assertEquals(3, cache.size(), "bounded");
        assertTrue(cache.get("d").isEmpty(), "full of live entries: not cached");
        clock.advance(Duration.ofSeconds(2)); // a and b end
        cache.put(grant("e", Duration.ofHours(1)), cache.stamp());
        assertEquals(2, cache.size(), "a and b swept, e added");
        assertTrue(cache.get("e").isPresent() && cache.get("c").isPresent());
    }

    @Test
    void putWhenEvictionHappenedSinceStampThenGrantNotCached() {
        ApiTokenCache cache = new ApiTokenCache(Duration.ofSeconds(5), 10, clock);
        long stamp = cache.stamp(); // validation reads the row ...
        cache.evict("h1");          // ... while another thread revokes it and evicts
        cache.put(grant("h1", Duration.ofHours(1)), stamp);
        assertTrue(cache.get("h1").isEmpty(), "a revoked token must not come back");
        cache.put(grant("h1", Duration.ofHours(1)), cache.stamp());
        assertTrue(cache.get("h1").isPresent(), "a read after the eviction may cache again");
    }

    @Test
    void evictAllWhenCalledThenOnlyThoseGone() {
        ApiTokenCache cache = new ApiTokenCache(Duration.ofSeconds(5), 10, clock);
        for (String h : List.of("a", "b", "c")) {
            cache.put(grant(h, Duration.ofHours(1)), cache.stamp());
        }
        cache.evictAll(List.of("a", "c"));
        assertTrue(cache.get("a").isEmpty() && cache.get("c").isEmpty());
        assertTrue(cache.get("b").isPresent());
    }
}
