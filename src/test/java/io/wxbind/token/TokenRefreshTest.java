package io.wxbind.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.config.ServerTokenConfig;
import io.wxbind.testsupport.JpaTestDatabase;
import io.wxbind.testsupport.MutableClock;
import io.wxbind.testsupport.RecordingEvents;
import io.wxbind.wechat.ServerTokenClient;
import io.wxbind.wechat.WeChatApiException;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The locked refresh and the compare-and-set retirement on real PostgreSQL, with a scripted WeChat. */
class TokenRefreshTest {

    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();
    private final MutableClock clock = new MutableClock();
    private final AtomicInteger fetches = new AtomicInteger();
    private final List<Boolean> forced = new ArrayList<>();
    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;
    private volatile long expiresIn = 7200;

    private static ServerTokenConfig.App app(ServerTokenConfig.Endpoint endpoint) {
        return new ServerTokenConfig.App("wx" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), "secret", endpoint);
    }

    private TokenRefresh refresh(EntityManager em) {
        AccessTokenStore store = new AccessTokenStore();
        store.em = em;
        TokenRefresh r = new TokenRefresh();
        r.store = store;
        r.clock = clock;
        r.events = RecordingEvents.into(events);
        r.config = new ServerTokenConfig(true, Map.of(), Duration.ofSeconds(600), Duration.ofSeconds(300), Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofSeconds(1), "node-test");
        r.wechat = new ServerTokenClient() {
            @Override
            public ServerToken fetch(ServerTokenConfig.App a, boolean forceRefresh) {
                try {
                    Thread.sleep(50); // WeChat takes a while: a racing node must wait for the lock, not fetch too
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (forced) {
                    forced.add(forceRefresh);
                }
                if (failure != null) {
                    throw failure;
                }
                return new ServerToken("TOKEN-" + fetches.incrementAndGet(), expiresIn);
            }
        };
        return r;
    }

    private TokenState run(ServerTokenConfig.App app, Duration lead, String bad) {
        return db.inTransaction(em -> refresh(em).refreshIfNeeded(app, lead, bad));
    }

    private boolean retire(String appId, String token) {
        return db.inTransaction(em -> {
            AccessTokenStore s = new AccessTokenStore();
            s.em = em;
            return s.retire(appId, token, clock.instant());
        });
    }

    @Test
    void refreshWhenStillValidAfterLockThenNoSecondFetch() {
        ServerTokenConfig.App app = app(ServerTokenConfig.Endpoint.CLASSIC);
        TokenState first = run(app, Duration.ofSeconds(600), null);
        TokenState second = run(app, Duration.ofSeconds(600), null);
        assertEquals("TOKEN-1", first.accessToken());
        assertEquals(first.accessToken(), second.accessToken());
        assertEquals(1, fetches.get());
        assertEquals("node-test", second.refreshedBy());
        clock.advance(Duration.ofSeconds(7200 - 600));
        assertEquals("TOKEN-2", run(app, Duration.ofSeconds(600), null).accessToken(), "inside the margin: refreshed");
        AuditEvent refreshed = AuditEvent.of(AuditKind.SERVER_TOKEN_REFRESHED, null).withWeChat(app.appId(), null)
                .withMethod("CLASSIC").withReason("scheduled");
        assertEquals(List.of(refreshed, refreshed), events, "one entry per call to WeChat, none for the re-check");
    }

    @Test
    void refreshWhenEightNodesRaceOnAnEmptyRowThenExactlyOneFetch() throws Exception {
        ServerTokenConfig.App app = app(ServerTokenConfig.Endpoint.STABLE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<String>> tokens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tokens.add(pool.submit(() -> {
                start.await();
                return run(app, Duration.ofSeconds(240), null).accessToken();
            }));
        }
        for (Future<String> t : tokens) {
            assertEquals("TOKEN-1", t.get());
        }
        pool.shutdown();
        assertEquals(1, fetches.get());
    }

    @Test
    void refreshWhenWeChatFailsThenErrorRecordedAndOldTokenKept() {
        ServerTokenConfig.App app = app(ServerTokenConfig.Endpoint.CLASSIC);
        run(app, Duration.ofSeconds(600), null);
        clock.advance(Duration.ofSeconds(7000));
        failure = new WeChatApiException("cgi-bin/token", -1, "system error");
        TokenState failed = run(app, Duration.ofSeconds(600), null);
        assertEquals("TOKEN-1", failed.accessToken());
        assertEquals("errcode -1", failed.lastError());
        assertEquals(1, failed.consecutiveFailures());
        assertTrue(failed.usableAt(clock.instant()), "still valid for 200 s");
        failure = null;
        TokenState recovered = run(app, Duration.ofSeconds(600), null);
        assertEquals("TOKEN-2", recovered.accessToken());
        assertNull(recovered.lastError());
    }

    @Test
    void retireWhenManyCallersSawTheSame40001ThenExactlyOneWins() throws Exception {
        ServerTokenConfig.App app = app(ServerTokenConfig.Endpoint.CLASSIC);
        String token = run(app, Duration.ofSeconds(600), null).accessToken();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return retire(app.appId(), token);
            }));
        }
        go.countDown();
        int winners = 0;
        for (Future<Boolean> f : results) {
            winners += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, winners);
        assertFalse(retire(app.appId(), "SOME-OTHER-TOKEN"));
    }

    @Test
    void refreshWhenStableTokenRejectedThenForceRefreshWithinLimits() {
        ServerTokenConfig.App app = app(ServerTokenConfig.Endpoint.STABLE);
        String first = run(app, Duration.ofSeconds(240), null).accessToken();
        String second = run(app, Duration.ofSeconds(240), first).accessToken();
        assertNotEquals(first, second, "a rejected token is replaced even though it has not expired");
        clock.advance(Duration.ofSeconds(10));
        run(app, Duration.ofSeconds(240), second);
        assertEquals(List.of(false, true, false), forced, "force_refresh at most once per 30 s");
        assertEquals(3, fetches.get());
        String third = run(app, Duration.ofSeconds(240), "NOT-THE-CURRENT-TOKEN").accessToken();
        assertEquals(3, fetches.get(), "a stale report about an old token causes no refresh: " + third);
    }
}
