package io.wxbind.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.testsupport.JpaTestDatabase;
import io.wxbind.util.SecureTokens;
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
    private static final PushReplyCipher CIPHER = new PushReplyCipher("5e1f0c3a9b7d4e2f8a6c1b3d5e7f9a0b");

    static PushDedupeStore store(EntityManager em) {
        PushDedupeStore s = new PushDedupeStore();
        s.em = em;
        s.cipher = CIPHER;
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
    void saveReplyWhenItHoldsATicketAndAnAccountThenColumnHasNeitherAndTheRetryGetsTheSameText() throws Exception {
        String key = key();
        String ticket = SecureTokens.alphanumeric(43);
        String reply = "Tap to bind your account alice (valid 5 minutes, for you only): https://portal.example/wxbind/wechat/link?t=" + ticket;
        db.inTransaction(em -> {
            PushDedupeStore s = store(em);
            s.claimMessage("wxR", key, NOW);
            s.saveReply("wxR", key, reply);
            return null;
        });
        String stored = text("select reply_text from wxbind_push_message where app_id = 'wxR' and msg_key = '" + key + "'");
        assertTrue(stored.startsWith("v1."), stored);
        for (String secret : new String[] {ticket, ticket.substring(0, 12), "alice", "t=", "portal.example", "Tap to bind"}) {
            assertFalse(stored.contains(secret), "stored in clear: " + secret);
        }
        assertFalse((boolean) db.inTransaction(em -> store(em).claimMessage("wxR", key, NOW)), "WeChat's retry");
        assertEquals(Optional.of(reply), db.inTransaction(em -> store(em).storedReply("wxR", key)), "the very same reply");
        String second = key();
        db.inTransaction(em -> {
            store(em).claimMessage("wxR", second, NOW);
            store(em).saveReply("wxR", second, reply);
            return null;
        });
        String sealedAgain = text("select reply_text from wxbind_push_message where msg_key = '" + second + "'");
        assertNotEquals(stored.substring(0, 20), sealedAgain.substring(0, 20), "a random IV per row: equal replies do not look equal");
    }

    @Test
    void storedReplyWhenCopiedToAnotherRowOrKeyChangedThenNone() {
        String key = key();
        String other = key();
        db.inTransaction(em -> {
            PushDedupeStore s = store(em);
            s.claimMessage("wxR", key, NOW);
            s.saveReply("wxR", key, "Your WeChat is already bound to account alice.");
            s.claimMessage("wxR", other, NOW);
            return em.createNativeQuery("update wxbind_push_message set reply_text = (select reply_text from wxbind_push_message"
                    + " where msg_key = ?1) where msg_key = ?2").setParameter(1, key).setParameter(2, other).executeUpdate();
        });
        assertEquals(Optional.empty(), db.inTransaction(em -> store(em).storedReply("wxR", other)), "sealed for another row");
        Optional<String> withAnotherSecret = db.inTransaction(em -> {
            PushDedupeStore s = store(em);
            s.cipher = new PushReplyCipher("a rotated app secret, 32 chars!!");
            return s.storedReply("wxR", key);
        });
        assertEquals(Optional.empty(), withAnotherSecret, "unreadable after a secret change: the retry gets plain success");
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

    private static String text(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
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
