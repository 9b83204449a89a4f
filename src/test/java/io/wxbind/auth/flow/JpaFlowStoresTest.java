package io.wxbind.auth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.testsupport.JpaTestDatabase;
import io.wxbind.testsupport.MutableClock;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The used-state and ticket stores on real PostgreSQL: single use (also under a race), expiry, browser binding. */
class JpaFlowStoresTest {

    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();
    private final MutableClock clock = new MutableClock();

    private JpaUsedStateStore usedStates(EntityManager em) {
        JpaUsedStateStore s = new JpaUsedStateStore();
        s.em = em;
        return s;
    }

    private JpaBindTicketStore tickets(EntityManager em) {
        JpaBindTicketStore s = new JpaBindTicketStore();
        s.em = em;
        s.config = LoginFlowTest.config("bind");
        s.clock = clock;
        return s;
    }

    @Test
    void markUsedWhenFirstThenTrueAfterwardsFalseAndSeenAsUsed() {
        String hash = SecureTokens.sha256Hex(SecureTokens.alphanumeric(66));
        Instant expiry = Instant.now().plusSeconds(600);
        assertEquals(false, db.inTransaction(em -> usedStates(em).wasUsed(hash)));
        assertEquals(true, db.inTransaction(em -> usedStates(em).markUsed(hash, expiry)));
        assertEquals(false, db.inTransaction(em -> usedStates(em).markUsed(hash, expiry)), "a replay");
        assertEquals(true, db.inTransaction(em -> usedStates(em).wasUsed(hash)));
    }

    @Test
    void markUsedWhenTwoCallbacksRaceThenExactlyOneWins() throws Exception {
        String hash = SecureTokens.sha256Hex(SecureTokens.alphanumeric(66));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return db.inTransaction(em -> usedStates(em).markUsed(hash, Instant.now().plusSeconds(600)));
            }));
        }
        go.countDown();
        int winners = 0;
        for (Future<Boolean> f : results) {
            winners += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, winners);
    }

    @Test
    void ticketWhenIssuedThenOnlyHashStoredAndBoundToBrowser() throws Exception {
        WeChatIdentity id = new WeChatIdentity("wxA", "oOPENID_ticket_test_0000001", null, "Nick", null);
        String raw = db.inTransaction(em -> tickets(em).issue(id, "browserA", "/app/"));
        assertTrue(raw.matches("[A-Za-z0-9]{43}"));
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select ticket_hash from wxbind_bind_ticket")) {
            while (rs.next()) {
                assertFalse(rs.getString(1).equals(raw), "raw ticket stored");
            }
        }
        assertTrue(db.inTransaction(em -> tickets(em).peek(raw, "browserB")).isEmpty(), "other browser");
        assertEquals("oOPENID_ticket_test_0000001",
                db.inTransaction(em -> tickets(em).peek(raw, "browserA")).orElseThrow().identity().openId());
        assertTrue(db.inTransaction(em -> tickets(em).consume(raw, "browserA")).isPresent());
        assertTrue(db.inTransaction(em -> tickets(em).consume(raw, "browserA")).isEmpty(), "single use");
        assertTrue(db.inTransaction(em -> tickets(em).peek(raw, "browserA")).isEmpty());
    }

    @Test
    void ticketWhenExpiredThenUnusable() {
        WeChatIdentity id = new WeChatIdentity("wxA", "oEXPIRING", null, null, null);
        String raw = db.inTransaction(em -> tickets(em).issue(id, "b", "/"));
        clock.advance(Duration.ofMinutes(5));
        assertTrue(db.inTransaction(em -> tickets(em).peek(raw, "b")).isEmpty());
        assertTrue(db.inTransaction(em -> tickets(em).consume(raw, "b")).isEmpty());
    }

    @Test
    void ticketWhenConsumedFromOtherBrowserThenBurntForEveryone() {
        String raw = db.inTransaction(em -> tickets(em).issue(new WeChatIdentity("wxA", "oX", null, null, null), "b", "/"));
        assertTrue(db.inTransaction(em -> tickets(em).consume(raw, "intruder")).isEmpty());
        assertTrue(db.inTransaction(em -> tickets(em).peek(raw, "b")).isEmpty());
    }

    @Test
    void reserveAttemptWhenFiveTakenThenBurntKeptAndEveryLaterTryRefusedAlike() {
        String raw = db.inTransaction(em -> tickets(em).issue(new WeChatIdentity("wxA", "oY", null, null, null), "b", "/"));
        for (int left = BindTicketStore.MAX_FAILED_ATTEMPTS - 1; left >= 0; left--) {
            TicketAttempt attempt = db.inTransaction(em -> tickets(em).reserveAttempt(raw, "b"));
            assertEquals(left, ((TicketAttempt.Reserved) attempt).left());
            assertEquals("oY", ((TicketAttempt.Reserved) attempt).ticket().identity().openId());
        }
        assertEquals(new TicketAttempt.Burnt(), db.inTransaction(em -> tickets(em).reserveAttempt(raw, "b")));
        assertEquals(new TicketAttempt.Burnt(), db.inTransaction(em -> tickets(em).reserveAttempt(raw, "b")), "stays burnt");
        assertTrue(db.inTransaction(em -> tickets(em).peek(raw, "b")).isEmpty(), "a burnt ticket shows no form and sends no SMS");
        assertEquals(new TicketAttempt.Invalid(), db.inTransaction(em -> tickets(em).reserveAttempt(raw, "other browser")));
    }

    @Test
    void reserveAttemptWhenLastTryRightThenConsumable() {
        String raw = db.inTransaction(em -> tickets(em).issue(new WeChatIdentity("wxA", "oLast", null, null, null), "b", "/"));
        for (int i = 0; i < BindTicketStore.MAX_FAILED_ATTEMPTS; i++) {
            db.inTransaction(em -> tickets(em).reserveAttempt(raw, "b"));
        }
        assertTrue(db.inTransaction(em -> tickets(em).consume(raw, "b")).isPresent(), "the fifth try may be the right one");
        assertEquals(new TicketAttempt.Invalid(), db.inTransaction(em -> tickets(em).reserveAttempt(raw, "b")));
    }

    @Test
    void reserveAttemptWhenManyInParallelThenExactlyTheCapReserved() throws Exception {
        String raw = db.inTransaction(em -> tickets(em).issue(new WeChatIdentity("wxA", "oRace", null, null, null), "b", "/"));
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TicketAttempt>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return db.inTransaction(em -> tickets(em).reserveAttempt(raw, "b"));
            }));
        }
        go.countDown();
        List<Integer> lefts = new ArrayList<>();
        int burnt = 0;
        for (Future<TicketAttempt> f : results) {
            TicketAttempt a = f.get();
            if (a instanceof TicketAttempt.Reserved r) {
                lefts.add(r.left());
            } else {
                assertEquals(new TicketAttempt.Burnt(), a);
                burnt++;
            }
        }
        pool.shutdown();
        lefts.sort(null);
        assertEquals(List.of(0, 1, 2, 3, 4), lefts, "each try counted once, under the lock");
        assertEquals(n - BindTicketStore.MAX_FAILED_ATTEMPTS, burnt);
    }

    @Test
    void ticketWhenGarbageThenEmptyWithoutError() {
        assertTrue(db.inTransaction(em -> tickets(em).peek("'; drop table x; --", "b")).isEmpty());
        assertTrue(db.inTransaction(em -> tickets(em).peek(null, "b")).isEmpty());
        assertEquals(new TicketAttempt.Invalid(), db.inTransaction(em -> tickets(em).reserveAttempt("short", "b")));
        assertEquals(new TicketAttempt.Invalid(), db.inTransaction(em -> tickets(em).reserveAttempt(null, "b")));
    }
}
