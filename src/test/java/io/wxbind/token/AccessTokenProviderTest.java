package io.wxbind.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wxbind.config.ServerTokenConfig;
import io.wxbind.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The read side: reads the shared row, never serves a token WeChat rejected from its cache. */
class AccessTokenProviderTest {

    private final MutableClock clock = new MutableClock();
    private final AtomicReference<TokenState> row = new AtomicReference<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();

    private TokenState state(String token) {
        return new TokenState("wxA", token, clock.instant().plusSeconds(7200), clock.instant(), "n", 1, null, null, 0);
    }

    private AccessTokenProvider provider() {
        AccessTokenProvider p = new AccessTokenProvider();
        p.clock = clock;
        p.config = new ServerTokenConfig(true, Map.of("wxA", new ServerTokenConfig.App("wxA", "s", ServerTokenConfig.Endpoint.CLASSIC)),
                Duration.ofSeconds(600), Duration.ofSeconds(300), Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60), "n");
        p.store = new AccessTokenStore() {
            @Override
            public Optional<TokenState> read(String appId) {
                reads.incrementAndGet();
                return Optional.ofNullable(row.get());
            }

            @Override
            public boolean retire(String appId, String badToken, Instant now) {
                return row.get().accessToken().equals(badToken);
            }
        };
        p.refresh = new TokenRefresh() {
            @Override
            public TokenState refreshIfNeeded(ServerTokenConfig.App app, Duration lead, String badToken) {
                refreshes.incrementAndGet();
                row.set(state("T" + (refreshes.get() + 1)));
                return row.get();
            }
        };
        return p;
    }

    @Test
    void getWhenRowValidThenCachedForReadCacheTime() {
        row.set(state("T1"));
        AccessTokenProvider p = provider();
        assertEquals("T1", p.get("wxA"));
        assertEquals("T1", p.get("wxA"));
        assertEquals(1, reads.get(), "second read served from the node cache");
        assertEquals(0, refreshes.get(), "readers never call WeChat while the row is valid");
    }

    @Test
    void getWhenARejectedTokenSneaksBackIntoTheCacheThenItIsNotServed() {
        row.set(state("T1"));
        AccessTokenProvider p = provider();
        p.get("wxA");
        p.reportInvalid("wxA", "T1");
        assertEquals("T2", row.get().accessToken());
        // A slow reader that read T1 before the refresh caches it after the invalidation.
        row.set(state("T1"));
        p.get("wxA");
        row.set(state("T2"));
        assertEquals("T2", p.get("wxA"), "the rejected token is never served from the cache");
    }

    @Test
    void getWhenNoValidTokenThenJoinsTheLockedRefresh() {
        AccessTokenProvider p = provider();
        assertEquals("T2", p.get("wxA"));
        assertEquals(1, refreshes.get());
    }
}
