package io.wxbind.auth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.testsupport.JpaTestDatabase;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The token table on real PostgreSQL: lookup by hash, the per-caller cap (also under a race), revocation, purge. */
class JpaApiTokenStoreTest {

    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    static JpaApiTokenStore store(EntityManager em) {
        JpaApiTokenStore s = new JpaApiTokenStore();
        s.em = em;
        return s;
    }

    private static ApiTokenGrant grant(String caller, int n, Instant issued, Duration lifetime) {
        return new ApiTokenGrant(ApiTokenFormat.hash(caller + "-token-" + n), caller, "stamp-" + n, issued, issued.plus(lifetime));
    }

    private List<String> add(ApiTokenGrant g, int max, Instant now) {
        return db.inTransaction(em -> store(em).add(g, max, now));
    }

    @Test
    void findWhenAddedThenSameGrantBackByHash() {
        ApiTokenGrant g = grant("find", 1, T0, Duration.ofHours(1));
        assertTrue(add(g, 20, T0).isEmpty());
        ApiTokenGrant back = db.inTransaction(em -> store(em).find(g.tokenHash())).orElseThrow();
        assertEquals(g, back);
        assertTrue(db.inTransaction(em -> store(em).find(ApiTokenFormat.hash("never issued"))).isEmpty());
    }

    @Test
    void addWhenCallerAtCapThenOldestDroppedAndReported() {
        List<ApiTokenGrant> issued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ApiTokenGrant g = grant("capped", i, T0.plusSeconds(i), Duration.ofHours(1));
            issued.add(g);
            assertTrue(add(g, 3, g.issuedAt()).isEmpty());
        }
        ApiTokenGrant fourth = grant("capped", 3, T0.plusSeconds(3), Duration.ofHours(1));
        assertEquals(List.of(issued.get(0).tokenHash()), add(fourth, 3, fourth.issuedAt()));
        assertTrue(db.inTransaction(em -> store(em).find(issued.get(0).tokenHash())).isEmpty(), "oldest dropped");
        for (ApiTokenGrant kept : List.of(issued.get(1), issued.get(2), fourth)) {
            assertTrue(db.inTransaction(em -> store(em).find(kept.tokenHash())).isPresent());
        }
        assertTrue(add(grant("other", 0, T0, Duration.ofHours(1)), 3, T0).isEmpty(), "the cap is per caller");
    }

    @Test
    void addWhenCallerHasExpiredTokensThenTheyAreDroppedAndDoNotCount() {
        ApiTokenGrant old = grant("expiring", 0, T0, Duration.ofSeconds(10));
        add(old, 2, T0);
        ApiTokenGrant live = grant("expiring", 1, T0.plusSeconds(5), Duration.ofHours(1));
        add(live, 2, live.issuedAt());
        ApiTokenGrant next = grant("expiring", 2, T0.plusSeconds(20), Duration.ofHours(1));
        assertEquals(List.of(old.tokenHash()), add(next, 2, next.issuedAt()));
        assertTrue(db.inTransaction(em -> store(em).find(live.tokenHash())).isPresent(), "the live one still counts as 1 of 2");
    }

    @Test
    void addWhenManyRaceForOneCallerThenCapHolds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ApiTokenGrant g = grant("racing", i, T0.plusMillis(i), Duration.ofHours(1));
            results.add(pool.submit(() -> {
                go.await();
                return add(g, 5, T0.plusSeconds(1));
            }));
        }
        go.countDown();
        for (Future<List<String>> f : results) {
            f.get();
        }
        pool.shutdown();
        long rows = db.inTransaction(em -> (Long) em.createQuery("select count(t) from ApiToken t where t.caller = 'racing'")
                .getSingleResult());
        assertEquals(5, rows);
    }

    @Test
    void removeWhenCalledThenGoneAndSecondRemoveReportsIt() {
        ApiTokenGrant g = grant("remove", 0, T0, Duration.ofHours(1));
        add(g, 20, T0);
        boolean first = db.inTransaction(em -> store(em).remove(g.tokenHash()));
        boolean second = db.inTransaction(em -> store(em).remove(g.tokenHash()));
        assertTrue(first);
        assertFalse(second);
        assertTrue(db.inTransaction(em -> store(em).find(g.tokenHash())).isEmpty());
    }

    @Test
    void removeAllOfWhenCalledThenEveryTokenOfThatCallerOnly() {
        ApiTokenGrant a = grant("all", 0, T0, Duration.ofHours(1));
        ApiTokenGrant b = grant("all", 1, T0.plusSeconds(1), Duration.ofHours(1));
        ApiTokenGrant keep = grant("all-not-me", 0, T0, Duration.ofHours(1));
        add(a, 20, T0);
        add(b, 20, T0);
        add(keep, 20, T0);
        assertEquals(Set.of(a.tokenHash(), b.tokenHash()), Set.copyOf(db.inTransaction(em -> store(em).removeAllOf("all"))));
        assertTrue(db.inTransaction(em -> store(em).find(a.tokenHash())).isEmpty());
        assertTrue(db.inTransaction(em -> store(em).find(keep.tokenHash())).isPresent());
    }

    @Test
    void purgeQueryWhenRunThenOnlyExpiredRowsDeleted() {
        ApiTokenGrant expired = grant("purge", 0, T0.minus(Duration.ofDays(2)), Duration.ofHours(1));
        ApiTokenGrant live = grant("purge-live", 1, T0, Duration.ofDays(3650)); // another caller: add() drops its own expired ones
        add(expired, 20, expired.issuedAt());
        add(live, 20, live.issuedAt());
        int purged = db.inTransaction(em -> em.createNamedQuery(ApiToken.DELETE_EXPIRED).setParameter("now", T0).executeUpdate());
        assertTrue(purged >= 1);
        assertTrue(db.inTransaction(em -> store(em).find(expired.tokenHash())).isEmpty());
        assertTrue(db.inTransaction(em -> store(em).find(live.tokenHash())).isPresent());
    }

    @Test
    void findWhenAddedThenStampBackAndNoGroupColumnLeft() throws Exception {
        Instant now = Instant.now();
        ApiTokenGrant g = new ApiTokenGrant(ApiTokenFormat.hash("stamped"), "stamped", "Xy12", now, now.plusSeconds(60));
        add(g, 20, now);
        assertEquals("Xy12", db.inTransaction(em -> store(em).find(g.tokenHash())).orElseThrow().securityStamp());
        try (var c = db.dataSource().getConnection();
             var rs = c.getMetaData().getColumns(null, null, "wxbind_api_token", "caller_groups")) {
            assertFalse(rs.next(), "groups are read from the account on every check, never stored with a token");
        }
    }
}
