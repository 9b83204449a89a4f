package io.wxbind.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.testsupport.JpaTestDatabase;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.LogSafe;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Binding rules on real PostgreSQL: openid, unionid across apps, conflicts, registration. */
class AccountBindingServiceTest {

    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();

    private final AccountTestKit kit = new AccountTestKit(db);
    private final SecurityStamps stamps = kit.node(5);

    private AccountBindingService service(EntityManager em) {
        return kit.bindings(em, stamps);
    }

    private List<AuditEvent> events() {
        return kit.events.stream().filter(AuditEvent.class::isInstance).map(AuditEvent.class::cast).toList();
    }

    private static String newId() {
        return "o" + SecureTokens.alphanumeric(27);
    }

    @Test
    void resolveWhenUnboundThenEmptyAndWhenBoundThenAccount() {
        WeChatIdentity id = new WeChatIdentity("wxA", newId(), null, "N", null);
        assertTrue(db.inTransaction(em -> service(em).resolve(id)).isEmpty());
        assertInstanceOf(BindingResult.Bound.class, db.inTransaction(em -> service(em).bind(id, "alice")));
        assertEquals(Optional.of("alice"), db.inTransaction(em -> service(em).resolve(id)));
        assertTrue(db.inTransaction(em -> service(em).bindingsOf("alice")).stream()
                .anyMatch(b -> b.openId().equals(id.openId()) && b.lastLoginAt() != null));
        assertEquals(List.of(AuditKind.BOUND), events().stream().map(AuditEvent::kind).toList(),
                "a resolve is no login yet: the login step publishes LOGIN with its method");
    }

    @Test
    void bindWhenOpenIdOwnedByOtherAccountThenConflictAndNothingChanges() {
        WeChatIdentity id = new WeChatIdentity("wxA", newId(), null, null, null);
        db.inTransaction(em -> service(em).bind(id, "bob"));
        BindingResult again = db.inTransaction(em -> service(em).bind(id, "bob"));
        BindingResult other = db.inTransaction(em -> service(em).bind(id, "mallory"));
        assertInstanceOf(BindingResult.AlreadyBound.class, again);
        assertEquals(new BindingResult.Conflict("bob"), other);
        assertEquals(Optional.of("bob"), db.inTransaction(em -> service(em).resolve(id)));
        List<AuditEvent> all = events();
        AuditEvent conflict = all.get(all.size() - 1);
        assertEquals(new AuditEvent(AuditKind.CONFLICT, "mallory", "wxA", LogSafe.shortId(id.openId()), null, "openid_bound_elsewhere"),
                conflict, "the one who tried is told, never who owns it");
    }

    @Test
    void resolveWhenUnionIdBoundThroughAnotherAppThenSameAccountAndOpenIdLinked() {
        String union = newId();
        WeChatIdentity website = new WeChatIdentity("wxWEBSITE", newId(), union, null, null);
        db.inTransaction(em -> service(em).bind(website, "carol"));
        WeChatIdentity officialAccount = new WeChatIdentity("wxOA", newId(), union, null, null);
        assertEquals(Optional.of("carol"), db.inTransaction(em -> service(em).resolve(officialAccount)));
        WeChatIdentity withoutUnion = new WeChatIdentity("wxOA", officialAccount.openId(), null, null, null);
        assertEquals(Optional.of("carol"), db.inTransaction(em -> service(em).resolve(withoutUnion)), "openid now bound");
    }

    @Test
    void bindWhenUnionIdOwnedByOtherAccountThenConflict() {
        String union = newId();
        db.inTransaction(em -> service(em).bind(new WeChatIdentity("wxA", newId(), union, null, null), "dave"));
        BindingResult r = db.inTransaction(em -> service(em).bind(new WeChatIdentity("wxB", newId(), union, null, null), "erin"));
        assertEquals(new BindingResult.Conflict("dave"), r);
        List<AuditEvent> all = events();
        AuditEvent conflict = all.get(all.size() - 1);
        assertEquals(AuditKind.CONFLICT, conflict.kind());
        assertEquals("erin", conflict.account());
        assertEquals("unionid_bound_elsewhere", conflict.reason());
    }

    @Test
    void registerWhenCalledThenAccountWithGroupsAndBinding() {
        WeChatIdentity id = new WeChatIdentity("wxA", newId(), newId(), "张伟", "http://img/0");
        String username = db.inTransaction(em -> service(em).register(id, Set.of("user")));
        assertTrue(username.matches("wx_[a-z0-9]{10}"), username);
        assertEquals(Optional.of(username), db.inTransaction(em -> service(em).resolve(id)));
        UserAccount account = db.inTransaction(em -> em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", username).getSingleResult());
        assertEquals("张伟", account.displayName());
        assertEquals(Set.of("user"), account.groups());
    }

    @Test
    void databaseWhenDuplicateOpenIdInsertedDirectlyThenRejected() throws SQLException {
        String openId = newId();
        try (Connection c = db.dataSource().getConnection()) {
            String sql = "insert into wxbind_wechat_openid (app_id, open_id, account_name, bound_at) values ('wxA', '" + openId
                    + "', 'x', now())";
            c.createStatement().executeUpdate(sql);
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate(sql.replace("'x'", "'y'")));
        }
    }

    @Test
    void unbindWhenOwnBindingThenGoneAndEverySessionOfTheAccountRevoked() {
        WeChatIdentity id = new WeChatIdentity("wxA", newId(), newId(), null, null);
        db.inTransaction(em -> service(em).bind(id, "frank"));
        long bindingId = db.inTransaction(em -> service(em).bindingsOf("frank")).get(0).id();
        String before = db.inTransaction(em -> AccountTestKit.jpaStore(em).current("frank"));
        assertFalse((boolean) db.inTransaction(em -> service(em).unbind("mallory", bindingId)), "not theirs: nothing happens");
        assertEquals(before, db.inTransaction(em -> AccountTestKit.jpaStore(em).current("frank")));
        assertTrue((boolean) db.inTransaction(em -> service(em).unbind("frank", bindingId)));
        assertTrue(db.inTransaction(em -> service(em).resolve(id)).isEmpty());
        assertTrue(db.inTransaction(em -> em.find(WeChatUnionId.class, id.unionId())) == null, "the unionid link went with the last openid");
        assertInstanceOf(StampCheck.Refused.class, stamps.check("frank", before), "sessions and tokens of before the unbind end");
        assertTrue(kit.events.contains(new StampRotated("frank", RevocationReason.UNBIND)));
        assertTrue(events().stream().anyMatch(e -> e.kind() == AuditKind.REVOKED && "unbind".equals(e.reason())));
    }

    @Test
    void removeAllOfWhenAccountDeletedThenEveryOpenIdAndUnionIdOfItGoneAndOthersKept() {
        String union = newId();
        WeChatIdentity one = new WeChatIdentity("wxA", newId(), union, null, null);
        WeChatIdentity two = new WeChatIdentity("wxB", newId(), union, null, null);
        WeChatIdentity someoneElse = new WeChatIdentity("wxA", newId(), null, null, null);
        db.inTransaction(em -> service(em).bind(one, "gina"));
        db.inTransaction(em -> service(em).bind(two, "gina"));
        db.inTransaction(em -> service(em).bind(someoneElse, "hank"));
        assertEquals(2, (int) db.inTransaction(em -> service(em).removeAllOf("gina")));
        assertTrue(db.inTransaction(em -> service(em).bindingsOf("gina")).isEmpty());
        assertTrue(db.inTransaction(em -> em.find(WeChatUnionId.class, union)) == null);
        assertTrue(db.inTransaction(em -> service(em).resolve(two)).isEmpty(), "neither openid nor unionid leads to the name any more");
        assertEquals(Optional.of("hank"), db.inTransaction(em -> service(em).resolve(someoneElse)));
    }
}
