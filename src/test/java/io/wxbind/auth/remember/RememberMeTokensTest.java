package io.wxbind.auth.remember;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.account.AccountState;
import io.wxbind.account.RevocationReason;
import io.wxbind.account.SecurityStamps;
import io.wxbind.account.StampCheck;
import io.wxbind.account.StampRotated;
import io.wxbind.util.SecureTokens;
import io.wxbind.config.RememberMeConfig;
import io.wxbind.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Issue, check and remove, with an in-memory store and stamps whose answers the test sets. */
class RememberMeTokensTest {

    private final MutableClock clock = new MutableClock();
    private final MemoryStore store = new MemoryStore();
    private final Map<String, String> currentStamps = new HashMap<>();
    private final Map<String, AccountState> accounts = new HashMap<>();

    private RememberMeTokens tokens(boolean enabled, Duration maxAge, Duration cache) {
        RememberMeTokens t = new RememberMeTokens();
        t.store = store;
        t.config = new RememberMeConfig(enabled, maxAge, cache);
        t.clock = clock;
        t.stamps = new SecurityStamps() {
            @Override
            public StampCheck check(String account, String stamp) {
                AccountState a = accounts.get(account);
                if (a == null) {
                    return new StampCheck.Refused(StampCheck.Why.GONE);
                }
                if (!a.enabled()) {
                    return new StampCheck.Refused(StampCheck.Why.DISABLED);
                }
                return currentStamps.get(account).equals(stamp) ? new StampCheck.Valid(a) : new StampCheck.Refused(StampCheck.Why.REVOKED);
            }
        };
        t.init();
        return t;
    }

    private RememberMeTokens tokens() {
        return tokens(true, Duration.ofDays(14), Duration.ofSeconds(5));
    }

    private void account(String name, String stamp, String... groups) {
        accounts.put(name, new AccountState(name, true, Set.of(groups)));
        currentStamps.put(name, stamp);
    }

    @Test
    void issueWhenLoggedInThenOnlyTheHashIsStoredWithStampMethodAndExpiry() {
        account("alice", "s1", "user");
        String token = tokens().issue("alice", "s1", "WECHAT");
        assertTrue(RememberMeTokens.isWellFormed(token), token);
        assertEquals(1, store.rows.size());
        RememberMeGrant row = store.rows.values().iterator().next();
        assertEquals(SecureTokens.sha256Hex(token), row.tokenHash());
        assertFalse(store.rows.containsKey(token), "the token itself is never stored");
        assertEquals("alice", row.caller());
        assertEquals("s1", row.securityStamp());
        assertEquals("WECHAT", row.loginMethod());
        assertEquals(clock.instant().plus(Duration.ofDays(14)), row.expiresAt());
        assertNotEquals(token, tokens().issue("alice", "s1", "WECHAT"), "each login gets its own random token");
    }

    @Test
    void checkWhenValidThenTheLoginWithTheGroupsOfNow() {
        account("alice", "s1", "user");
        RememberMeTokens t = tokens();
        String token = t.issue("alice", "s1", "WECHAT_BIND_PASSWORD");
        accounts.put("alice", new AccountState("alice", true, Set.of("user", "auditor")));
        RememberMeCheck.Valid valid = assertInstanceOf(RememberMeCheck.Valid.class, t.check(token));
        assertEquals("alice", valid.grant().caller());
        assertEquals("WECHAT_BIND_PASSWORD", valid.grant().loginMethod());
        assertEquals(Set.of("user", "auditor"), valid.account().groups());
    }

    @Test
    void checkWhenStampChangedOrAccountDisabledOrGoneThenRefused() {
        account("alice", "s1", "user");
        RememberMeTokens t = tokens();
        String token = t.issue("alice", "s1", "WECHAT");
        currentStamps.put("alice", "s2");
        assertEquals(RememberMeCheck.Why.REVOKED, refusal(t.check(token)));
        currentStamps.put("alice", "s1");
        accounts.put("alice", new AccountState("alice", false, Set.of("user")));
        assertEquals(RememberMeCheck.Why.REVOKED, refusal(t.check(token)));
        accounts.remove("alice");
        assertEquals(RememberMeCheck.Why.REVOKED, refusal(t.check(token)));
    }

    @Test
    void checkWhenExpiredThenRefusedEvenFromTheCache() {
        account("alice", "s1", "user");
        RememberMeTokens t = tokens(true, Duration.ofSeconds(300), Duration.ofSeconds(60));
        String token = t.issue("alice", "s1", "WECHAT");
        clock.advance(Duration.ofSeconds(299));
        assertInstanceOf(RememberMeCheck.Valid.class, t.check(token));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(RememberMeCheck.Why.EXPIRED, refusal(t.check(token)));
    }

    @Test
    void checkWhenForgedOrMalformedThenRefusedWithoutALookup() {
        account("alice", "s1", "user");
        RememberMeTokens t = tokens();
        t.issue("alice", "s1", "WECHAT");
        int reads = store.finds.get();
        for (String bad : new String[] {null, "", "short", "x".repeat(43) + "y", "a".repeat(42) + "!", "a".repeat(42) + "="}) {
            assertEquals(RememberMeCheck.Why.MALFORMED, refusal(t.check(bad)), String.valueOf(bad));
        }
        assertEquals(reads, store.finds.get());
        assertEquals(RememberMeCheck.Why.UNKNOWN, refusal(t.check("A".repeat(43))), "well-formed but never issued");
    }

    @Test
    void checkWhenDisabledThenEveryTokenRefused() {
        account("alice", "s1", "user");
        String token = tokens().issue("alice", "s1", "WECHAT");
        assertEquals(RememberMeCheck.Why.DISABLED, refusal(tokens(false, Duration.ofDays(1), Duration.ofSeconds(5)).check(token)));
    }

    @Test
    void checkWhenCachedThenOneReadPerWindowAndRemovalOnThisNodeAtOnce() {
        account("alice", "s1", "user");
        RememberMeTokens t = tokens();
        String token = t.issue("alice", "s1", "WECHAT");
        t.check(token);
        t.check(token);
        assertEquals(1, store.finds.get(), "the second check came from the cache");
        clock.advance(Duration.ofSeconds(5));
        t.check(token);
        assertEquals(2, store.finds.get(), "the entry lives no longer than the cache time");
        t.remove(token);
        assertEquals(RememberMeCheck.Why.UNKNOWN, refusal(t.check(token)));
        assertTrue(store.rows.isEmpty());
    }

    @Test
    void checkWhenRemovedOnAnotherNodeThenRefusedHereAfterTheCacheTime() {
        account("alice", "s1", "user");
        RememberMeTokens here = tokens();
        RememberMeTokens there = tokens();
        String token = here.issue("alice", "s1", "WECHAT");
        assertInstanceOf(RememberMeCheck.Valid.class, here.check(token));
        there.remove(token);
        assertInstanceOf(RememberMeCheck.Valid.class, here.check(token), "within the cache time");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(RememberMeCheck.Why.UNKNOWN, refusal(here.check(token)));
    }

    @Test
    void checkWhenUsedThenLastUsedWrittenAtMostEveryFewMinutes() {
        account("alice", "s1", "user");
        RememberMeTokens t = tokens(true, Duration.ofDays(1), Duration.ZERO);
        String token = t.issue("alice", "s1", "WECHAT");
        Instant issued = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        t.check(token);
        assertEquals(issued, store.rows.values().iterator().next().lastUsedAt());
        clock.advance(RememberMeTokens.TOUCH_EVERY);
        t.check(token);
        assertEquals(clock.instant(), store.rows.values().iterator().next().lastUsedAt());
    }

    @Test
    void stampRotatedWhenObservedThenEveryTokenOfTheAccountDeleted() {
        account("alice", "s1", "user");
        account("bob", "b1", "user");
        RememberMeTokens t = tokens();
        String a1 = t.issue("alice", "s1", "WECHAT");
        String a2 = t.issue("alice", "s1", "WECHAT_QR");
        String b = t.issue("bob", "b1", "WECHAT");
        t.check(a1);
        t.onStampRotated(new StampRotated("alice", RevocationReason.LOGOUT_EVERYWHERE));
        assertEquals(RememberMeCheck.Why.UNKNOWN, refusal(t.check(a1)), "evicted from this node's cache too");
        assertEquals(RememberMeCheck.Why.UNKNOWN, refusal(t.check(a2)));
        assertInstanceOf(RememberMeCheck.Valid.class, t.check(b));
    }

    @Test
    void issueWhenCallerAtTheCapThenTheOldestDropped() {
        account("alice", "s1", "user");
        RememberMeTokens t = tokens();
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < RememberMeTokens.MAX_PER_CALLER + 1; i++) {
            issued.add(t.issue("alice", "s1", "WECHAT"));
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(RememberMeTokens.MAX_PER_CALLER, store.rows.size());
        assertEquals(RememberMeCheck.Why.UNKNOWN, refusal(t.check(issued.get(0))));
        assertInstanceOf(RememberMeCheck.Valid.class, t.check(issued.get(1)));
    }

    private static RememberMeCheck.Why refusal(RememberMeCheck check) {
        return assertInstanceOf(RememberMeCheck.Refused.class, check).why();
    }

    /** The store's contract in memory (the SQL is covered by {@link JpaRememberMeStoreTest}). */
    private static final class MemoryStore implements RememberMeStore {
        final Map<String, RememberMeGrant> rows = new HashMap<>();
        final AtomicInteger finds = new AtomicInteger();

        @Override
        public List<String> add(RememberMeGrant grant, int maxPerCaller, Instant now) {
            List<RememberMeGrant> mine = rows.values().stream().filter(g -> g.caller().equals(grant.caller()))
                    .sorted(Comparator.comparing(RememberMeGrant::createdAt).reversed()).toList();
            List<String> dropped = new ArrayList<>();
            int live = 0;
            for (RememberMeGrant g : mine) {
                if (g.isExpiredAt(now) || ++live >= maxPerCaller) {
                    dropped.add(g.tokenHash());
                    rows.remove(g.tokenHash());
                }
            }
            rows.put(grant.tokenHash(), grant);
            return dropped;
        }

        @Override
        public Optional<RememberMeGrant> find(String tokenHash) {
            finds.incrementAndGet();
            return Optional.ofNullable(rows.get(tokenHash));
        }

        @Override
        public void touch(String tokenHash, Instant now) {
            rows.computeIfPresent(tokenHash, (h, g) -> new RememberMeGrant(h, g.caller(), g.securityStamp(), g.loginMethod(),
                    g.createdAt(), g.expiresAt(), now));
        }

        @Override
        public boolean remove(String tokenHash) {
            return rows.remove(tokenHash) != null;
        }

        @Override
        public List<String> removeAllOf(String caller) {
            List<String> hashes = rows.values().stream().filter(g -> g.caller().equals(caller)).map(RememberMeGrant::tokenHash).toList();
            hashes.forEach(rows::remove);
            return hashes;
        }
    }
}
