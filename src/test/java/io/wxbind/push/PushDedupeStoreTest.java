package io.wxbind.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.auth.flow.SecureTokens;
import io.wxbind.testsupport.JpaTestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The push tables on real PostgreSQL: first wins, retries wait for the first and see its reply, replays, purge. */
class PushDedupeStoreTest {

    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    static PushDedupeStore store(EntityManager em) {
        PushDedupeStore s = new PushDedupeStore();
        s.em = em;
        return s;
    }

    private static String key() {
        return SecureTokens.sha256Hex(SecureTokens.alphanumeric(20));
    }

    @Test
    void claimMessageWhenFirstThenTrueThenFalseWithStoredReply() {
        String key = key();
        assertTrue((boolean) db.inTransaction(em -> store(em).claimMessage("wxA", key, NOW)));
        assertEquals(Optional.empty(), db.inTransaction(em -> store(em).storedReply("wxA", key)));
        db.inTransaction(em -> {
            store(em).saveReply("wxA", key, "绑定成功");
            return null;
        });
        assertFalse((boolean) db.inTransaction(em -> store(em).claimMessage("wxA", key, NOW)));
        assertEquals(Optional.of("绑定成功"), db.inTransaction(em -> store(em).storedReply("wxA", key)));
        assertTrue((boolean) db.inTransaction(em -> store(em).claimMessage("wxOTHER", key, NOW)), "keys are per app");
    }

    @Test
    void claimMessageWhenFirstRolledBackThenRetryIsFirst() {
        String key = key();
        EntityManager em = emfEm();
        em.getTransaction().begin();
        assertTrue(store(em).claimMessage("wxA", key, NOW));
        em.getTransaction().rollback();
        em.close();
        assertTrue((boolean) db.inTransaction(e -> store(e).claimMessage("wxA", key, NOW)));
    }

    @Test
    void claimMessageWhenRetryOvertakesSlowFirstThenWaitsAndSeesItsReply() throws Exception {
        String key = key();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            EntityManager first = emfEm();
            first.getTransaction().begin();
            assertTrue(store(first).claimMessage("wxA", key, NOW));
            CountDownLatch started = new CountDownLatch(1);
            Future<Optional<String>> retry = pool.submit(() -> db.inTransaction(em -> {
                started.countDown();
                PushDedupeStore s = store(em);
                s.limitLockWait(Duration.ofSeconds(10));
                return s.claimMessage("wxA", key, NOW) ? Optional.of("processed twice!") : s.storedReply("wxA", key);
            }));
            started.await();
            Thread.sleep(300);
            assertFalse(retry.isDone(), "the retry waits for the first delivery's transaction");
            store(first).saveReply("wxA", key, "reply of the first");
            first.getTransaction().commit();
            first.close();
            assertEquals(Optional.of("reply of the first"), retry.get(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void limitLockWaitWhenFirstHoldsTooLongThenLockTimeoutError() throws Exception {
        String key = key();
        EntityManager first = emfEm();
        first.getTransaction().begin();
        store(first).claimMessage("wxA", key, NOW);
        try {
            PersistenceException e = org.junit.jupiter.api.Assertions.assertThrows(PersistenceException.class,
                    () -> db.inTransaction(em -> {
                        store(em).limitLockWait(Duration.ofMillis(200));
                        return store(em).claimMessage("wxA", key, NOW);
                    }));
            assertTrue(sqlState(e).equals("55P03"), "lock_not_available, which the servlet answers with success: " + sqlState(e));
        } finally {
            first.getTransaction().rollback();
            first.close();
        }
    }

    @Test
    void rememberRequestWhenSameQueryAgainThenOkOnlyWithTheSameBody() {
        String nonce = SecureTokens.alphanumeric(10);
        assertTrue((boolean) db.inTransaction(em -> store(em).rememberRequest("wxA", 1700000000, nonce, "sig", "body1", NOW)));
        assertTrue((boolean) db.inTransaction(em -> store(em).rememberRequest("wxA", 1700000000, nonce, "sig", "body1", NOW)),
                "WeChat re-delivering the identical request");
        assertFalse((boolean) db.inTransaction(em -> store(em).rememberRequest("wxA", 1700000000, nonce, "sig", "body2", NOW)),
                "the signed query with another body");
        assertTrue((boolean) db.inTransaction(em -> store(em).rememberRequest("wxA", 1700000001, nonce, "sig", "body2", NOW)));
    }

    @Test
    void purgeWhenOlderThanTheWindowThenDeletedAndNewerKept() throws Exception {
        String oldKey = key();
        String newKey = key();
        String nonce = SecureTokens.alphanumeric(12);
        Duration window = Duration.ofSeconds(300);
        db.inTransaction(em -> {
            PushDedupeStore s = store(em);
            s.claimMessage("wxP", oldKey, NOW.minusSeconds(1000));
            s.claimMessage("wxP", newKey, NOW.minusSeconds(100));
            s.rememberRequest("wxP", NOW.minusSeconds(1000).getEpochSecond(), nonce, "s", "b", NOW.minusSeconds(1000));
            s.rememberRequest("wxP", NOW.minusSeconds(100).getEpochSecond(), nonce, "s", "b", NOW.minusSeconds(100));
            return null;
        });
        db.inTransaction(em -> store(em).purge(NOW, window));
        assertEquals(1, count("select count(*) from wxbind_push_message where app_id = 'wxP'"));
        assertEquals(1, count("select count(*) from wxbind_push_request where app_id = 'wxP'"));
        assertFalse((boolean) db.inTransaction(em -> store(em).claimMessage("wxP", newKey, NOW)), "the newer one is still known");
    }

    private static EntityManager emfEm() {
        // a second, independent transaction next to db.inTransaction's
        return db.inTransaction(em -> em.getEntityManagerFactory()).createEntityManager();
    }

    private static long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s) {
                return s.getSQLState();
            }
        }
        return "none";
    }
}
