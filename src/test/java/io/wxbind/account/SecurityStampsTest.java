package io.wxbind.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.testsupport.JpaTestDatabase;
import io.wxbind.util.SecureTokens;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stamps on real PostgreSQL with two "nodes" (two instances, each its own cache, one database)
 * and the clock moved by hand: admission, the cached check, rotation here and elsewhere, groups
 * and account state read again, and the account directory itself.
 */
class SecurityStampsTest {

    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();

    private final AccountTestKit kit = new AccountTestKit(db);
    private final SecurityStamps here = kit.node(5);
    private final SecurityStamps elsewhere = kit.node(5);

    private String newAccount(boolean enabled, String... groups) {
        String name = "u" + SecureTokens.alphanumeric(10).toLowerCase();
        kit.createAccount(name, "pw", enabled, Set.of(groups));
        return name;
    }

    private static AccountState valid(StampCheck check) {
        return assertInstanceOf(StampCheck.Valid.class, check, String.valueOf(check)).account();
    }

    private static void refused(StampCheck.Why why, StampCheck check) {
        assertEquals(why, assertInstanceOf(StampCheck.Refused.class, check, String.valueOf(check)).why());
    }

    @Test
    void directoryWhenAccountKnownThenStateAndGroupsElseEmpty() {
        String name = newAccount(true, "user", "admin");
        assertEquals(new AccountState(name, true, Set.of("user", "admin")), db.inTransaction(em -> AccountTestKit.directory(em).find(name))
                .orElseThrow());
        String none = newAccount(false);
        assertEquals(new AccountState(none, false, Set.of()), db.inTransaction(em -> AccountTestKit.directory(em).find(none)).orElseThrow());
        assertTrue(db.inTransaction(em -> AccountTestKit.directory(em).find("nobody-" + name)).isEmpty(),
                "an unknown name has no default groups: it does not exist");
    }

    @Test
    void admitWhenEnabledThenInitialStampAndGroupsElseNoLogin() {
        String name = newAccount(true, "user");
        StampedAccount admitted = here.admit(name).orElseThrow();
        assertEquals(SecurityStampStore.INITIAL, admitted.stamp());
        assertEquals(Set.of("user"), admitted.account().groups());
        assertTrue(here.admit(newAccount(false, "user")).isEmpty(), "disabled");
        assertTrue(here.admit("nobody-" + name).isEmpty(), "gone");
    }

    @Test
    void checkWhenRepeatedWithinCacheTimeThenOneReadThenReadAgain() {
        String name = newAccount(true, "user");
        String stamp = here.admit(name).orElseThrow().stamp();
        int reads = kit.databaseReads.get();
        for (int i = 0; i < 100; i++) {
            valid(here.check(name, stamp));
        }
        assertEquals(reads, kit.databaseReads.get(), "admission cached the account: the hot path reads nothing");
        kit.clock.advance(Duration.ofSeconds(5));
        valid(here.check(name, stamp));
        assertEquals(reads + 1, kit.databaseReads.get(), "read again once the entry ended");
    }

    @Test
    void rotateWhenOnThisNodeThenRefusedAtOnceAndOnAnotherNodeWithinCacheTime() {
        String name = newAccount(true, "user");
        String stamp = here.admit(name).orElseThrow().stamp();
        valid(here.check(name, stamp));
        valid(elsewhere.check(name, stamp));
        kit.clock.advance(Duration.ofSeconds(2));
        String fresh = here.rotate(name, RevocationReason.LOGOUT_EVERYWHERE);
        assertNotEquals(stamp, fresh);
        refused(StampCheck.Why.REVOKED, here.check(name, stamp));
        valid(here.check(name, fresh));
        valid(elsewhere.check(name, stamp)); // its entry is 2 s old ...
        kit.clock.advance(Duration.ofSeconds(3));
        refused(StampCheck.Why.REVOKED, elsewhere.check(name, stamp)); // ... and ends at 5 s
        valid(elsewhere.check(name, fresh));
        assertTrue(kit.events.contains(new StampRotated(name, RevocationReason.LOGOUT_EVERYWHERE)));
        assertTrue(kit.events.contains(AuditEvent.of(AuditKind.REVOKED, name).withReason("logout_everywhere")));
    }

    @Test
    void rotateWhenTwiceThenEveryStampDiffersAndNoneIsTheInitialOne() {
        String name = newAccount(true, "user");
        String one = here.rotate(name, RevocationReason.PASSWORD_CHANGED);
        String two = here.rotate(name, RevocationReason.PASSWORD_CHANGED);
        assertNotEquals(one, two);
        assertNotEquals(SecurityStampStore.INITIAL, one);
        assertEquals(two, db.inTransaction(em -> AccountTestKit.jpaStore(em).current(name)));
        refused(StampCheck.Why.REVOKED, here.check(name, SecurityStampStore.INITIAL));
        refused(StampCheck.Why.REVOKED, here.check(name, null));
    }

    @Test
    void checkWhenGroupsDisabledOrDeletedWithoutRotationThenSeenAfterCacheTime() {
        String name = newAccount(true, "user", "admin");
        String stamp = here.admit(name).orElseThrow().stamp();
        db.inTransaction(em -> em.createNativeQuery("delete from wxbind_user_group where username = ?1 and group_name = 'admin'")
                .setParameter(1, name).executeUpdate());
        assertEquals(Set.of("user", "admin"), valid(here.check(name, stamp)).groups(), "cached");
        kit.clock.advance(Duration.ofSeconds(5));
        assertEquals(Set.of("user"), valid(here.check(name, stamp)).groups(), "groups read again, never frozen");
        db.inTransaction(em -> em.createNativeQuery("update wxbind_user_account set enabled = false where username = ?1")
                .setParameter(1, name).executeUpdate());
        kit.clock.advance(Duration.ofSeconds(5));
        refused(StampCheck.Why.DISABLED, here.check(name, stamp));
        db.inTransaction(em -> em.createNativeQuery("delete from wxbind_user_account where username = ?1").setParameter(1, name)
                .executeUpdate());
        kit.clock.advance(Duration.ofSeconds(5));
        refused(StampCheck.Why.GONE, here.check(name, stamp));
    }

    @Test
    void checkWhenCacheOffThenEveryCheckReads() {
        SecurityStamps off = kit.node(0);
        String name = newAccount(true, "user");
        int reads = kit.databaseReads.get();
        valid(off.check(name, SecurityStampStore.INITIAL));
        valid(off.check(name, SecurityStampStore.INITIAL));
        assertEquals(reads + 2, kit.databaseReads.get());
    }
}
