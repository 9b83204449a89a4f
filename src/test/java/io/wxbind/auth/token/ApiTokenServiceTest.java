package io.wxbind.auth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.config.ApiTokenConfig;
import io.wxbind.testsupport.JpaTestDatabase;
import io.wxbind.testsupport.MutableClock;
import io.wxbind.testsupport.RecordingEvents;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue, check, revoke against real PostgreSQL, with the clock moved by hand and database reads counted. */
class ApiTokenServiceTest {

    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();
    private static final AtomicInteger CALLERS = new AtomicInteger();

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger finds = new AtomicInteger();
    private final List<AuditEvent> events = new ArrayList<>();

    /** The JPA store, each call in its own committed transaction as in the container; lookups counted. */
    private final ApiTokenStore store = new ApiTokenStore() {
        @Override
        public List<String> add(ApiTokenGrant grant, int maxPerCaller, Instant now) {
            return db.inTransaction(em -> JpaApiTokenStoreTest.store(em).add(grant, maxPerCaller, now));
        }

        @Override
        public Optional<ApiTokenGrant> find(String tokenHash) {
            finds.incrementAndGet();
            return db.inTransaction(em -> JpaApiTokenStoreTest.store(em).find(tokenHash));
        }

        @Override
        public boolean remove(String tokenHash) {
            return db.inTransaction(em -> JpaApiTokenStoreTest.store(em).remove(tokenHash));
        }

        @Override
        public List<String> removeAllOf(String caller) {
            return db.inTransaction(em -> JpaApiTokenStoreTest.store(em).removeAllOf(caller));
        }
    };

    private ApiTokenService service(Duration ttl, Duration cache, int max) {
        ApiTokenService s = new ApiTokenService();
        s.store = store;
        s.config = new ApiTokenConfig(ttl, cache, max);
        s.clock = clock;
        s.events = RecordingEvents.into(events);
        s.init();
        return s;
    }

    private ApiTokenService service() {
        return service(Duration.ofHours(1), Duration.ofSeconds(5), 20);
    }

    private static String newCaller() {
        return "caller" + CALLERS.incrementAndGet();
    }

    private static ApiTokenGrant valid(ApiTokenCheck check) {
        return assertInstanceOf(ApiTokenCheck.Valid.class, check, String.valueOf(check)).grant();
    }

    private static void invalid(ApiTokenCheck.Reason reason, ApiTokenCheck check) {
        assertEquals(reason, assertInstanceOf(ApiTokenCheck.Invalid.class, check, String.valueOf(check)).reason());
    }

    @Test
    void issueWhenCalledThenRandomBase64urlTokenWithTtlAndOnlyItsHashStored() throws Exception {
        ApiTokenService s = service();
        String caller = newCaller();
        IssuedApiToken t = s.issue(caller, "stamp-1");
        assertTrue(t.accessToken().matches("[A-Za-z0-9_-]{43}"), t.accessToken());
        assertEquals(3600, t.expiresIn());
        assertFalse(t.toString().contains(t.accessToken()), "toString hides the token");
        assertFalse(t.grant().toString().contains(t.grant().tokenHash()), "and shortens the hash");
        assertFalse(s.issue(caller, "stamp-1").accessToken().equals(t.accessToken()));
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select * from wxbind_api_token")) {
            ResultSetMetaData meta = rs.getMetaData();
            boolean found = false;
            while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String v = rs.getString(i);
                    assertFalse(v != null && v.contains(t.accessToken()), "token stored in " + meta.getColumnName(i));
                }
                found |= ApiTokenFormat.hash(t.accessToken()).equals(rs.getString("token_hash"));
            }
            assertTrue(found, "its SHA-256 is the key");
        }
    }

    @Test
    void checkWhenIssuedThenCallerStampAndLifetime() {
        ApiTokenService s = service();
        String caller = newCaller();
        IssuedApiToken t = s.issue(caller, "stamp-1");
        ApiTokenGrant g = valid(s.check(t.accessToken()));
        assertEquals(caller, g.caller());
        assertEquals("stamp-1", g.securityStamp(), "the stamp of the login that asked; no groups");
        assertEquals(clock.instant(), g.issuedAt());
        assertEquals(clock.instant().plus(Duration.ofHours(1)), g.expiresAt());
    }

    @Test
    void checkWhenRepeatedWithinCacheTimeThenOneDatabaseReadThenReadAgain() {
        ApiTokenService s = service();
        String token = s.issue(newCaller(), "stamp-1").accessToken();
        for (int i = 0; i < 5; i++) {
            valid(s.check(token));
        }
        assertEquals(1, finds.get(), "cached after the first read");
        clock.advance(Duration.ofSeconds(5));
        valid(s.check(token));
        assertEquals(2, finds.get(), "the cache entry ended");
    }

    @Test
    void checkWhenCacheOffThenEveryCheckReadsTheDatabase() {
        ApiTokenService s = service(Duration.ofHours(1), Duration.ZERO, 20);
        String token = s.issue(newCaller(), "stamp-1").accessToken();
        valid(s.check(token));
        valid(s.check(token));
        assertEquals(2, finds.get());
        assertEquals(0, s.cachedTokens());
    }

    @Test
    void checkWhenExpiredThenRefusedEvenIfCachedJustBefore() {
        ApiTokenService s = service(Duration.ofSeconds(10), Duration.ofSeconds(60), 20);
        String token = s.issue(newCaller(), "stamp-1").accessToken();
        clock.advance(Duration.ofSeconds(9));
        valid(s.check(token));
        clock.advance(Duration.ofSeconds(1));
        invalid(ApiTokenCheck.Reason.EXPIRED, s.check(token));
    }

    @Test
    void checkWhenMalformedThenRefusedWithoutDatabaseRead() {
        ApiTokenService s = service();
        String good = s.issue(newCaller(), "stamp-1").accessToken();
        List<String> bad = new ArrayList<>(List.of("", "abc", good + "A", good.substring(1), "A".repeat(42) + "=", "A".repeat(42) + "+",
                "A".repeat(42) + "/", "A".repeat(42) + " ", "'; drop table wxbind_api_token; --"));
        bad.add(null);
        for (String token : bad) {
            invalid(ApiTokenCheck.Reason.MALFORMED, s.check(token));
        }
        assertEquals(0, finds.get());
    }

    @Test
    void checkWhenWellFormedButNeverIssuedThenUnknown() {
        invalid(ApiTokenCheck.Reason.UNKNOWN, service().check(ApiTokenFormat.newToken()));
    }

    @Test
    void revokeWhenTokenCachedThenRefusedAtOnceOnThisNodeAndOthersStillValid() {
        ApiTokenService s = service();
        String caller = newCaller();
        String revoked = s.issue(caller, "stamp-1").accessToken();
        String other = s.issue(caller, "stamp-1").accessToken();
        ApiTokenGrant g = valid(s.check(revoked));
        valid(s.check(other));
        s.revoke(g);
        invalid(ApiTokenCheck.Reason.UNKNOWN, s.check(revoked));
        valid(s.check(other));
        s.revoke(g); // twice is harmless
        assertEquals(List.of(AuditKind.TOKEN_ISSUED, AuditKind.TOKEN_ISSUED, AuditKind.TOKEN_REVOKED, AuditKind.TOKEN_REVOKED),
                events.stream().map(AuditEvent::kind).toList(), "issue and revoke audited, checks not");
        assertEquals(AuditEvent.of(AuditKind.TOKEN_REVOKED, caller).withReason("current"), events.get(2));
    }

    @Test
    void revokeWhenAnotherNodeCachedTheTokenThenItAcceptsItAtMostForItsCacheTime() {
        ApiTokenService here = service();
        ApiTokenService there = service();
        String token = here.issue(newCaller(), "stamp-1").accessToken();
        valid(there.check(token));
        here.revoke(valid(here.check(token)));
        invalid(ApiTokenCheck.Reason.UNKNOWN, here.check(token));
        clock.advance(Duration.ofSeconds(4));
        valid(there.check(token)); // the documented window: the other node's cache entry
        clock.advance(Duration.ofSeconds(1));
        invalid(ApiTokenCheck.Reason.UNKNOWN, there.check(token));
    }

    @Test
    void revokeAllWhenCalledThenEveryTokenOfThatCallerRefused() {
        ApiTokenService s = service();
        String caller = newCaller();
        String someoneElse = s.issue(newCaller(), "stamp-1").accessToken();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            tokens.add(s.issue(caller, "stamp-1").accessToken());
        }
        tokens.forEach(t -> valid(s.check(t)));
        assertEquals(3, s.revokeAll(caller));
        tokens.forEach(t -> invalid(ApiTokenCheck.Reason.UNKNOWN, s.check(t)));
        valid(s.check(someoneElse));
        assertEquals(0, s.revokeAll(caller));
        assertTrue(events.contains(AuditEvent.of(AuditKind.TOKEN_REVOKED, caller).withReason("all")), events.toString());
    }

    @Test
    void issueWhenOverTheCapThenOldestDroppedEvenFromTheCache() {
        ApiTokenService s = service(Duration.ofHours(1), Duration.ofSeconds(5), 3);
        String caller = newCaller();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tokens.add(s.issue(caller, "stamp-1").accessToken());
            clock.advance(Duration.ofMillis(10));
        }
        tokens.forEach(t -> valid(s.check(t)));
        String fourth = s.issue(caller, "stamp-1").accessToken();
        invalid(ApiTokenCheck.Reason.UNKNOWN, s.check(tokens.get(0)));
        for (String kept : List.of(tokens.get(1), tokens.get(2), fourth)) {
            valid(s.check(kept));
        }
    }
}
