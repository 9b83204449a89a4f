package io.wxbind.auth.remember;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.util.SecureTokens;
import io.wxbind.testsupport.JpaTestDatabase;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The remember-me table (migration V14) on real PostgreSQL through the production persistence unit. */
class JpaRememberMeStoreTest {

    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private static JpaRememberMeStore store(EntityManager em) {
        JpaRememberMeStore s = new JpaRememberMeStore();
        s.em = em;
        return s;
    }

    private static RememberMeGrant grant(String caller, int n, Instant created, Duration lifetime) {
        return new RememberMeGrant(SecureTokens.sha256Hex(caller + "-remember-" + n), caller, "stamp-" + n, "WECHAT", created,
                created.plus(lifetime), created);
    }

    private List<String> add(RememberMeGrant g, int max) {
        return db.inTransaction(em -> store(em).add(g, max, g.createdAt()));
    }

    @Test
    void findWhenAddedThenSameGrantBackAndTouchMovesLastUsedOnly() {
        RememberMeGrant g = grant("find", 1, T0, Duration.ofDays(14));
        assertTrue(add(g, 50).isEmpty());
        assertEquals(g, db.inTransaction(em -> store(em).find(g.tokenHash())).orElseThrow());
        assertTrue(db.inTransaction(em -> store(em).find(SecureTokens.sha256Hex("never issued"))).isEmpty());
        Instant later = T0.plus(Duration.ofHours(2));
        db.inTransaction(em -> {
            store(em).touch(g.tokenHash(), later);
            return null;
        });
        RememberMeGrant touched = db.inTransaction(em -> store(em).find(g.tokenHash())).orElseThrow();
        assertEquals(later, touched.lastUsedAt());
        assertEquals(g.createdAt(), touched.createdAt());
        assertEquals(g.expiresAt(), touched.expiresAt());
    }

    @Test
    void addWhenCallerAtCapThenOldestAndExpiredDropped() {
        RememberMeGrant expired = grant("capped", 0, T0.minus(Duration.ofDays(2)), Duration.ofDays(1));
        add(expired, 2);
        RememberMeGrant first = grant("capped", 1, T0, Duration.ofDays(1));
        RememberMeGrant second = grant("capped", 2, T0.plusSeconds(1), Duration.ofDays(1));
        assertEquals(List.of(expired.tokenHash()), add(first, 2), "expired ones go first");
        assertTrue(add(second, 2).isEmpty());
        RememberMeGrant third = grant("capped", 3, T0.plusSeconds(2), Duration.ofDays(1));
        assertEquals(List.of(first.tokenHash()), add(third, 2), "at the cap of 2 the oldest live one goes");
        assertTrue(db.inTransaction(em -> store(em).find(second.tokenHash())).isPresent());
    }

    @Test
    void removeWhenOneOrAllThenOnlyThoseGone() {
        RememberMeGrant a1 = grant("remove-a", 1, T0, Duration.ofDays(1));
        RememberMeGrant a2 = grant("remove-a", 2, T0.plusSeconds(1), Duration.ofDays(1));
        RememberMeGrant b = grant("remove-b", 1, T0, Duration.ofDays(1));
        add(a1, 50);
        add(a2, 50);
        add(b, 50);
        assertTrue(removed(a1));
        assertFalse(removed(a1), "already gone");
        add(a1, 50);
        assertEquals(2, db.inTransaction(em -> store(em).removeAllOf("remove-a")).size());
        assertTrue(db.inTransaction(em -> store(em).find(a2.tokenHash())).isEmpty());
        assertTrue(db.inTransaction(em -> store(em).find(b.tokenHash())).isPresent());
    }

    private boolean removed(RememberMeGrant g) {
        Boolean gone = db.inTransaction(em -> store(em).remove(g.tokenHash()));
        return gone;
    }

    @Test
    void purgeWhenRunThenOnlyExpiredRowsDeleted() {
        RememberMeGrant old = grant("purge", 1, T0.minus(Duration.ofDays(20)), Duration.ofDays(14));
        RememberMeGrant live = grant("purge-live", 2, T0, Duration.ofDays(14)); // another caller: adding drops the caller's expired rows itself
        add(old, 50);
        add(live, 50);
        int gone = db.inTransaction(em -> em.createNamedQuery(RememberMeToken.DELETE_EXPIRED).setParameter("now", T0).executeUpdate());
        assertTrue(gone >= 1, "at least the expired row of this test");
        assertTrue(db.inTransaction(em -> store(em).find(old.tokenHash())).isEmpty());
        assertTrue(db.inTransaction(em -> store(em).find(live.tokenHash())).isPresent());
    }
}
