package io.wxbind.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.testsupport.JpaTestDatabase;
import io.wxbind.util.SecureTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The read side and the purge on real PostgreSQL: one account's entries only, newest first, the cursor, retention. */
class AuditLogStoreTest {

    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private final AuditLogStore store = AuditTestLog.store(db);

    private void write(String account, AuditKind kind, Instant at) {
        store.insert(new AuditRow(at, AuditEvent.of(kind, account).withWeChat("wxS", null), "192.0.2.1", "192.0.2.x", "curl/8", "n"));
    }

    @Test
    void ofWhenPagedThenNewestFirstOnlyThatAccountAndTheCursorContinues() {
        String amy = "amy_" + SecureTokens.alphanumeric(6);
        String ben = "ben_" + SecureTokens.alphanumeric(6);
        AuditKind[] kinds = {AuditKind.LOGIN, AuditKind.BOUND, AuditKind.TOKEN_ISSUED, AuditKind.UNBOUND, AuditKind.LOGOUT};
        for (int i = 0; i < kinds.length; i++) {
            write(amy, kinds[i], T0.plusSeconds(i));
            write(ben, AuditKind.CONFLICT, T0.plusSeconds(i));
        }
        List<AuditEntry> first = store.of(amy, Long.MAX_VALUE, 3);
        assertEquals(List.of("LOGOUT", "UNBOUND", "TOKEN_ISSUED"), first.stream().map(AuditEntry::kind).toList());
        assertTrue(first.stream().allMatch(e -> e.account().equals(amy)));
        List<AuditEntry> second = store.of(amy, first.get(2).id(), 3);
        assertEquals(List.of("BOUND", "LOGIN"), second.stream().map(AuditEntry::kind).toList());
        assertEquals(T0, second.get(1).at());
        assertEquals("wxS", second.get(1).appId());
        assertEquals("192.0.2.x", second.get(1).clientMasked());
        assertEquals(List.of(), store.of(amy, second.get(1).id(), 3));
        assertEquals(List.of(), store.of("nobody_" + SecureTokens.alphanumeric(6), Long.MAX_VALUE, 3));
    }

    @Test
    void purgeBeforeWhenOlderThanTheCutoffThenOnlyThoseDeleted() {
        String old = "old_" + SecureTokens.alphanumeric(6);
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        write(old, AuditKind.LOGIN, now.minus(Duration.ofDays(91)));
        write(old, AuditKind.LOGOUT, now.minus(Duration.ofDays(89)));
        int purged = store.purgeBefore(now.minus(Duration.ofDays(90)));
        assertTrue(purged >= 1, "at least the 91-day-old entry: " + purged);
        assertEquals(List.of("LOGOUT"), store.of(old, Long.MAX_VALUE, 10).stream().map(AuditEntry::kind).toList());
    }

}
