package io.wxbind.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.config.GuessConfig;
import io.wxbind.testsupport.JpaTestDatabase;
import io.wxbind.testsupport.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The guessing limits on real PostgreSQL. Each call runs in its own transaction, as in the
 * container; two limiters on one database stand for two nodes. Time is moved by hand.
 */
class GuessLimiterTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();

    private final MutableClock clock = new MutableClock();
    /** 3 per account, 6 per address, 10 s doubling up to 60 s, forgotten after 5 quiet minutes. */
    private final GuessConfig config = GuessConfig.read(k -> Optional.ofNullable(Map.of(
            "wxbind.guess.account-max-failures", "3", "wxbind.guess.address-max-failures", "6",
            "wxbind.guess.window-seconds", "300", "wxbind.guess.backoff-seconds", "10", "wxbind.guess.max-backoff-seconds", "60").get(k)));

    private final Node nodeA = new Node();
    private final Node nodeB = new Node();

    /** One node's limiter: every call in its own transaction and EntityManager. */
    private final class Node {
        Admission admit(GuessSubject... subjects) {
            return db.inTransaction(em -> limiter(em).admit(List.of(subjects)));
        }

        Admission.Granted granted(GuessSubject... subjects) {
            return assertInstanceOf(Admission.Granted.class, admit(subjects));
        }

        Optional<Admission.Refused> blocked(GuessSubject... subjects) {
            return db.inTransaction(em -> limiter(em).blocked(List.of(subjects)));
        }

        void succeeded(Admission.Granted g) {
            db.inTransaction(em -> {
                limiter(em).succeeded(g);
                return null;
            });
        }

        void unused(Admission.Granted g) {
            db.inTransaction(em -> {
                limiter(em).unused(g);
                return null;
            });
        }

        private GuessLimiter limiter(jakarta.persistence.EntityManager em) {
            GuessLimiter l = new GuessLimiter();
            l.em = em;
            l.config = config;
            l.clock = clock;
            return l;
        }
    }

    private static GuessSubject freshAccount() {
        return GuessSubject.account("user-" + NEXT.incrementAndGet());
    }

    private static GuessSubject freshAddress() {
        return GuessSubject.address("10.9." + NEXT.incrementAndGet() % 250 + "." + NEXT.incrementAndGet() % 250);
    }

    private Admission.Refused refused(Admission a) {
        return assertInstanceOf(Admission.Refused.class, a);
    }

    @Test
    void admitWhenAccountHadItsFailuresThenRefusedWithRetryAfterUntilTheBackOffEnds() {
        GuessSubject account = freshAccount();
        for (int i = 0; i < 3; i++) {
            nodeA.granted(account, freshAddress()); // three wrong passwords (nothing handed back)
        }
        Admission.Refused r = refused(nodeA.admit(account, freshAddress()));
        assertEquals(LimitScope.ACCOUNT, r.scope());
        assertEquals("throttled_account", r.reason());
        assertEquals(Duration.ofSeconds(10), r.retryAfter());
        assertEquals(10, r.retryAfterSeconds());
        clock.advance(Duration.ofMillis(9_500));
        assertEquals(1, refused(nodeA.admit(account, freshAddress())).retryAfterSeconds(), "rounded up, at least 1");
        clock.advance(Duration.ofMillis(500));
        nodeA.granted(account, freshAddress());
    }

    @Test
    void admitWhenFailuresGoOnPastTheLimitThenBackOffDoublesUpToTheCap() {
        GuessSubject account = freshAccount();
        for (int i = 0; i < 3; i++) {
            nodeA.granted(account);
        }
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Admission.Refused r = refused(nodeA.admit(account));
            waits.add(r.retryAfterSeconds());
            clock.advance(r.retryAfter());
            nodeA.granted(account); // one more try after each block, wrong again
        }
        assertEquals(List.of(10L, 20L, 40L, 60L, 60L), waits);
    }

    @Test
    void admitWhenQuietForTheWindowThenForgottenButNotWhileBlocksKeepComing() {
        GuessSubject account = freshAccount();
        nodeA.granted(account);
        nodeA.granted(account);
        clock.advance(Duration.ofMinutes(5));
        nodeA.granted(account);
        nodeA.granted(account);
        assertTrue(nodeA.blocked(account).isEmpty(), "the first two were forgotten: two failures now");
        nodeA.granted(account);
        assertEquals(10, refused(nodeA.admit(account)).retryAfterSeconds());
        clock.advance(Duration.ofSeconds(10));
        nodeA.granted(account);
        clock.advance(Duration.ofSeconds(20));
        nodeA.granted(account);
        assertEquals(40, refused(nodeA.admit(account)).retryAfterSeconds(), "a run of blocks is not forgotten while it goes on");
        clock.advance(Duration.ofSeconds(40).plus(Duration.ofMinutes(5)));
        nodeA.granted(account);
        assertTrue(nodeA.blocked(account).isEmpty(), "quiet for the window after the block: counting starts again");
    }

    @Test
    void succeededWhenRightProofThenAccountStartsAgainAndAddressKeepsOnlyItsFailures() {
        GuessSubject account = freshAccount();
        GuessSubject address = freshAddress();
        nodeA.granted(account, address);
        nodeA.granted(account, address);
        nodeA.succeeded(nodeA.granted(account, address));
        assertEquals(0, failures(account));
        assertEquals(2, failures(address), "the right try is handed back, the two wrong ones stay");
        for (int i = 0; i < 2; i++) {
            nodeA.granted(account, address);
        }
        assertTrue(nodeA.blocked(account).isEmpty(), "2 of 3 since the reset");
    }

    @Test
    void succeededWhenTheTryThatReachedTheLimitWasRightThenNoBlock() {
        GuessSubject account = freshAccount();
        GuessSubject address = freshAddress();
        nodeA.granted(account, address);
        nodeA.granted(account, address);
        Admission.Granted third = nodeA.granted(account, address);
        assertEquals(LimitScope.ACCOUNT, nodeB.blocked(account, address).orElseThrow().scope(), "blocked while the third is checked");
        nodeA.succeeded(third);
        assertTrue(nodeA.blocked(account, address).isEmpty());
        nodeA.granted(account, address);
    }

    @Test
    void unusedWhenProofNeverCheckedThenEveryTryHandedBack() {
        GuessSubject account = freshAccount();
        GuessSubject address = freshAddress();
        for (int i = 0; i < 10; i++) {
            nodeA.unused(nodeA.granted(account, address));
        }
        assertEquals(0, failures(account));
        assertEquals(0, failures(address));
    }

    @Test
    void admitWhenAddressBlockedThenRefusedForEveryAccountAndOtherAddressesServed() {
        GuessSubject address = freshAddress();
        for (int i = 0; i < 6; i++) {
            nodeA.granted(freshAccount(), address);
        }
        GuessSubject victim = freshAccount();
        Admission.Refused r = refused(nodeA.admit(victim, address));
        assertEquals(LimitScope.ADDRESS, r.scope());
        assertEquals("throttled_address", r.reason());
        assertEquals(0, failures(victim), "a refused try reserves nothing on the other subject");
        nodeA.granted(victim, freshAddress());
    }

    @Test
    void admitWhenBothBlockedThenTheLongerWaitIsReported() {
        GuessSubject account = freshAccount();
        GuessSubject address = freshAddress();
        for (int i = 0; i < 3; i++) {
            nodeA.granted(account, address);
        }
        clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            nodeA.granted(freshAccount(), address);
        }
        assertEquals(5, nodeA.blocked(account).orElseThrow().retryAfterSeconds());
        Admission.Refused r = refused(nodeA.admit(account, address));
        assertEquals(LimitScope.ADDRESS, r.scope());
        assertEquals(10, r.retryAfterSeconds());
    }

    @Test
    void admitWhenTwoNodesShareTheDatabaseThenTheyCountTogether() {
        GuessSubject account = freshAccount();
        nodeA.granted(account);
        nodeB.granted(account);
        nodeA.granted(account);
        assertEquals(10, refused(nodeB.admit(account)).retryAfterSeconds());
        assertEquals(10, nodeA.blocked(account).orElseThrow().retryAfterSeconds());
    }

    @Test
    void admitWhenManyInParallelOnTwoNodesThenEveryTryCountedExactlyAndAtMostTheLimitLetThrough() throws Exception {
        GuessSubject address = freshAddress();
        long granted = inParallel(24, () -> new GuessSubject[] {freshAccount(), address}).stream()
                .filter(Admission.Granted.class::isInstance).count();
        assertEquals(6, granted, "the address limit holds under a race: no overshoot");
        assertEquals(6, failures(address));

        GuessSubject busy = freshAddress();
        assertTrue(inParallel(5, () -> new GuessSubject[] {busy}).stream().allMatch(Admission.Granted.class::isInstance));
        assertEquals(5, failures(busy), "five concurrent increments under the limit, five counted: no lost update");
    }

    /** {@code n} admissions at once, alternating between the two nodes. */
    private List<Admission> inParallel(int n, java.util.function.Supplier<GuessSubject[]> subjects) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Admission>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Node node = i % 2 == 0 ? nodeA : nodeB;
            GuessSubject[] these = subjects.get();
            futures.add(pool.submit(() -> {
                go.await();
                return node.admit(these);
            }));
        }
        go.countDown();
        List<Admission> out = new ArrayList<>();
        for (Future<Admission> f : futures) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }

    @Test
    void databaseWhenCountingThenOnlyHashesOfTheSubjectsAndForgottenRowsPurged() {
        GuessSubject typed = GuessSubject.account("  Secret-Looking-Name ");
        nodeA.granted(typed, GuessSubject.address("10.66.0.1"));
        assertEquals(1, failures(GuessSubject.account("secret-looking-name")), "one counter whatever the case and spaces");
        List<String> stored = strings("select scope || ' ' || subject_hash from wxbind_attempt_limit");
        assertFalse(stored.stream().anyMatch(s -> s.toLowerCase().contains("secret") || s.contains("10.66")), stored.toString());
        assertTrue(stored.stream().allMatch(s -> s.matches("(account|address) [0-9a-f]{64}")), stored.toString());
        assertFalse(typed.toString().contains("ecret"), "not in logs either");

        GuessSubject blocked = freshAccount();
        for (int i = 0; i < 3; i++) {
            nodeA.granted(blocked);
        }
        clock.advance(Duration.ofMinutes(5));
        purge();
        assertEquals(-1, failures(typed), "quiet for the window: gone");
        assertEquals(3, failures(blocked), "blocked for 10 s, so kept until 5 minutes after that");
        clock.advance(Duration.ofSeconds(10));
        purge();
        assertEquals(-1, failures(blocked));
    }

    private void purge() {
        db.inTransaction(em -> {
            AttemptLimitPurger purger = new AttemptLimitPurger();
            purger.em = em;
            purger.clock = clock;
            purger.purge();
            return null;
        });
    }

    /** The stored failure count, -1 without a row. */
    private static int failures(GuessSubject s) {
        List<String> v = strings("select failures::text from wxbind_attempt_limit where scope = ? and subject_hash = ?",
                s.scope().column(), s.hash());
        return v.isEmpty() ? -1 : Integer.parseInt(v.get(0));
    }

    private static List<String> strings(String sql, Object... args) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
