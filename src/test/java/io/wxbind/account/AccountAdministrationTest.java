package io.wxbind.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.account.AccountAdministration.PasswordChange.Outcome;
import io.wxbind.testsupport.JpaTestDatabase;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.WeChatIdentity;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changes to WxBind's own accounts on real PostgreSQL: each that matters ends the account's sessions (stamp), none more. */
class AccountAdministrationTest {

    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();

    private final AccountTestKit kit = new AccountTestKit(db);
    private final SecurityStamps stamps = kit.node(5);

    private String newAccount(String password) {
        String name = "a" + SecureTokens.alphanumeric(10).toLowerCase();
        kit.createAccount(name, password, true, Set.of("user"));
        return name;
    }

    private <T> T admin(java.util.function.Function<AccountAdministration, T> work) {
        return db.inTransaction(em -> work.apply(kit.administration(em, stamps)));
    }

    private boolean did(java.util.function.Predicate<AccountAdministration> work) {
        return db.inTransaction(em -> work.test(kit.administration(em, stamps)));
    }

    private String stampOf(String name) {
        return db.inTransaction(em -> AccountTestKit.jpaStore(em).current(name));
    }

    private Optional<AccountState> find(String name) {
        return db.inTransaction(em -> AccountTestKit.directory(em).find(name));
    }

    @Test
    void changePasswordWhenCurrentRightThenNewHashAndStampElseNothingChanges() {
        String name = newAccount("old-password");
        String before = stampOf(name);
        assertEquals(Outcome.WRONG_PASSWORD, admin(a -> a.changePassword(name, "guess".toCharArray(), "new-password".toCharArray())).outcome());
        assertEquals(before, stampOf(name), "a wrong guess revokes nothing");
        AccountAdministration.PasswordChange done = admin(a -> a.changePassword(name, "old-password".toCharArray(),
                "new-password".toCharArray()));
        assertEquals(Outcome.CHANGED, done.outcome());
        assertEquals(stampOf(name), done.newStamp(), "the caller learns the new stamp, to keep its own session");
        assertNotNull(done.newStamp());
        assertEquals(Outcome.CHANGED, admin(a -> a.changePassword(name, "new-password".toCharArray(), "third-one".toCharArray()))
                .outcome(), "the new password is the one checked now");
        assertTrue(kit.events.contains(new StampRotated(name, RevocationReason.PASSWORD_CHANGED)));
        assertEquals(Outcome.NO_ACCOUNT, admin(a -> a.changePassword("nobody", "x".toCharArray(), "y".toCharArray())).outcome());
        String registered = newAccount(null);
        assertEquals(Outcome.NO_PASSWORD, admin(a -> a.changePassword(registered, "x".toCharArray(), "y".toCharArray())).outcome());
    }

    @Test
    void setGroupsWhenCalledThenNewGroupsAndSessionsEnd() {
        String name = newAccount("pw");
        String before = stamps.admit(name).orElseThrow().stamp();
        assertTrue(did(a -> a.setGroups(name, Set.of("user", "auditor"))));
        assertEquals(Set.of("user", "auditor"), find(name).orElseThrow().groups());
        assertInstanceOf(StampCheck.Refused.class, stamps.check(name, before));
        assertTrue(kit.events.contains(new StampRotated(name, RevocationReason.GROUPS_CHANGED)));
        assertFalse(did(a -> a.setGroups("nobody", Set.of("user"))));
    }

    @Test
    void setEnabledWhenDisabledThenSessionsEndAndWhenEnabledAgainNothingMoreEnds() {
        String name = newAccount("pw");
        String before = stamps.admit(name).orElseThrow().stamp();
        assertTrue(did(a -> a.setEnabled(name, false)));
        assertFalse(find(name).orElseThrow().enabled());
        assertTrue(stamps.admit(name).isEmpty(), "a disabled account cannot log in");
        String disabledStamp = stampOf(name);
        assertTrue(did(a -> a.setEnabled(name, true)));
        assertEquals(disabledStamp, stampOf(name), "enabling revokes nothing");
        assertInstanceOf(StampCheck.Refused.class, stamps.check(name, before), "old sessions stay ended");
        assertTrue(stamps.admit(name).isPresent());
    }

    @Test
    void deleteWhenCalledThenAccountGroupsAndBindingsGoAndARecreatedNameInheritsNothing() {
        String name = newAccount("pw");
        String before = stamps.admit(name).orElseThrow().stamp();
        WeChatIdentity wechat = new WeChatIdentity("wxA", "o" + SecureTokens.alphanumeric(27), "u" + SecureTokens.alphanumeric(27),
                null, null);
        db.inTransaction(em -> kit.bindings(em, stamps).bind(wechat, name));
        assertTrue(did(a -> a.delete(name)));
        assertTrue(find(name).isEmpty());
        assertEquals(0L, (long) db.inTransaction(em -> em.createNativeQuery("select count(*) from wxbind_user_group where username = ?1")
                .setParameter(1, name).getSingleResult()));
        assertTrue(kit.events.contains(new StampRotated(name, RevocationReason.DELETED)));
        assertFalse(did(a -> a.delete(name)), "already gone");

        kit.createAccount(name, "someone-else", true, Set.of("user"));
        assertTrue(db.inTransaction(em -> kit.bindings(em, stamps).bindingsOf(name)).isEmpty(), "no binding inherited");
        assertEquals(new Resolution.Unbound(), db.inTransaction(em -> kit.bindings(em, stamps).resolve(wechat)), "the old WeChat logs nobody in");
        assertNull(db.inTransaction(em -> em.find(WeChatUnionId.class, wechat.unionId())));
        assertInstanceOf(StampCheck.Refused.class, stamps.check(name, before), "nor does a session of the old account");
    }
}
