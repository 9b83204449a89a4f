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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Binding rules on real PostgreSQL: openid, unionid across apps, conflicts, registration. */
class AccountBindingServiceTest {

    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();

    private final AccountTestKit kit = new AccountTestKit(db);
    private final SecurityStamps stamps = kit.node(5);

    private static final Resolution UNBOUND = new Resolution.Unbound();

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
        assertEquals(UNBOUND, db.inTransaction(em -> service(em).resolve(id)));
        assertInstanceOf(BindingResult.Bound.class, db.inTransaction(em -> service(em).bind(id, "alice")));
        assertEquals(new Resolution.Bound("alice"), db.inTransaction(em -> service(em).resolve(id)));
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
        assertEquals(new Resolution.Bound("bob"), db.inTransaction(em -> service(em).resolve(id)));
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
        assertEquals(new Resolution.Bound("carol"), db.inTransaction(em -> service(em).resolve(officialAccount)));
        WeChatIdentity withoutUnion = new WeChatIdentity("wxOA", officialAccount.openId(), null, null, null);
        assertEquals(new Resolution.Bound("carol"), db.inTransaction(em -> service(em).resolve(withoutUnion)), "openid now bound");
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
        assertEquals(new Resolution.Bound(username), db.inTransaction(em -> service(em).resolve(id)));
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
        assertEquals(UNBOUND, db.inTransaction(em -> service(em).resolve(id)));
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
        assertEquals(UNBOUND, db.inTransaction(em -> service(em).resolve(two)), "neither openid nor unionid leads to the name any more");
        assertEquals(new Resolution.Bound("hank"), db.inTransaction(em -> service(em).resolve(someoneElse)));
    }

    @Test
    void resolveWhenBoundOpenIdStartsCarryingUnionIdThenAttachedAndRecordedForItsAccount() {
        WeChatIdentity before = new WeChatIdentity("wxA", newId(), null, null, null);
        db.inTransaction(em -> service(em).bind(before, "ivy"));
        String union = newId();
        WeChatIdentity later = new WeChatIdentity("wxA", before.openId(), union, null, null);
        assertEquals(new Resolution.Bound("ivy"), db.inTransaction(em -> service(em).resolve(later)));
        assertEquals(union, bindingOf("ivy", before.openId()).unionId());
        assertEquals(Optional.of("ivy"), db.inTransaction(em -> service(em).accountOfUnionId(union)));
        WeChatIdentity sibling = new WeChatIdentity("wxB", newId(), union, null, null);
        assertEquals(new Resolution.Bound("ivy"), db.inTransaction(em -> service(em).resolve(sibling)), "the other app follows the unionid");
    }

    @Test
    void resolveWhenUnionIdAlreadyStandsForAnotherAccountThenConflictAuditedForBothAndNothingChanges() {
        TwoApps two = boundWithoutUnionIds("jack", "kate");
        WeChatOpenId kateBefore = bindingOf("kate", two.b().openId());
        assertEquals(new Resolution.Bound("jack"), db.inTransaction(em -> service(em).resolve(withUnion(two.a(), two.unionId()))));
        int eventsBefore = events().size();

        WeChatIdentity appBNow = withUnion(two.b(), two.unionId());
        assertEquals(new Resolution.UnionIdConflict("kate", "jack"), db.inTransaction(em -> service(em).resolve(appBNow)));

        WeChatOpenId kateAfter = bindingOf("kate", two.b().openId());
        assertEquals(null, kateAfter.unionId(), "the refused binding gets no unionid");
        assertEquals(kateBefore.lastLoginAt(), kateAfter.lastLoginAt(), "nor a login time");
        assertEquals(Optional.of("jack"), db.inTransaction(em -> service(em).accountOfUnionId(two.unionId())),
                "the unionid stays with its first account");
        assertEquals(1, db.inTransaction(em -> service(em).bindingsOf("jack")).size());
        assertEquals(1, db.inTransaction(em -> service(em).bindingsOf("kate")).size(), "never merged");
        String shortOpenId = LogSafe.shortId(two.b().openId());
        assertEquals(List.of(
                new AuditEvent(AuditKind.CONFLICT, "kate", "wxB", shortOpenId, null, AccountBindingService.UNIONID_ON_OTHER_ACCOUNT),
                new AuditEvent(AuditKind.CONFLICT, "jack", "wxB", shortOpenId, null, AccountBindingService.UNIONID_ON_OTHER_ACCOUNT)),
                events().subList(eventsBefore, events().size()), "each account's history shows it; neither entry names the other");
        assertEquals(Optional.of("jack"), db.inTransaction(em -> service(em).unionIdConflictOf(appBNow)));
        assertEquals(Optional.empty(), db.inTransaction(em -> service(em).unionIdConflictOf(withUnion(two.a(), two.unionId()))));
        assertEquals(new Resolution.UnionIdConflict("kate", "jack"), db.inTransaction(em -> service(em).resolve(appBNow)),
                "refused again on every login until one binding is removed");
    }

    @Test
    void resolveWhenConflictRemovedByUnbindThenTheOtherAccountGetsTheUnionId() {
        TwoApps two = boundWithoutUnionIds("liam", "mia");
        db.inTransaction(em -> service(em).resolve(withUnion(two.a(), two.unionId())));
        assertInstanceOf(Resolution.UnionIdConflict.class, db.inTransaction(em -> service(em).resolve(withUnion(two.b(), two.unionId()))));
        long liams = bindingOf("liam", two.a().openId()).id();
        assertTrue((boolean) db.inTransaction(em -> service(em).unbind("liam", liams)));
        assertEquals(new Resolution.Bound("mia"), db.inTransaction(em -> service(em).resolve(withUnion(two.b(), two.unionId()))));
        assertEquals(Optional.of("mia"), db.inTransaction(em -> service(em).accountOfUnionId(two.unionId())));
    }

    @Test
    void resolveWhenTwoAccountsClaimOneUnionIdAtOnceThenTheSecondWaitsAndIsRefused() throws Exception {
        TwoApps two = boundWithoutUnionIds("noah", "olga");
        CountDownLatch claimed = new CountDownLatch(1);
        ExecutorService node = Executors.newSingleThreadExecutor();
        try {
            // Node 1 records the unionid and holds its transaction open; node 2's plain read could not see that row yet.
            Future<Resolution> first = node.submit(() -> db.inTransaction(em -> {
                Resolution r = service(em).resolve(withUnion(two.a(), two.unionId()));
                claimed.countDown();
                sleep(300);
                return r;
            }));
            assertTrue(claimed.await(10, TimeUnit.SECONDS));
            Resolution second = db.inTransaction(em -> service(em).resolve(withUnion(two.b(), two.unionId())));
            assertEquals(new Resolution.Bound("noah"), first.get(10, TimeUnit.SECONDS));
            assertEquals(new Resolution.UnionIdConflict("olga", "noah"), second);
            assertEquals(null, bindingOf("olga", two.b().openId()).unionId());
        } finally {
            node.shutdownNow();
        }
    }

    @Test
    void attachUnionIdWhenItStandsForAnotherAccountThenNotAttachedAndAudited() {
        TwoApps two = boundWithoutUnionIds("pia", "quinn");
        db.inTransaction(em -> {
            service(em).attachUnionId("wxA", two.a().openId(), two.unionId());
            return null;
        });
        db.inTransaction(em -> {
            service(em).attachUnionId("wxB", two.b().openId(), two.unionId());
            return null;
        });
        assertEquals(two.unionId(), bindingOf("pia", two.a().openId()).unionId());
        assertEquals(null, bindingOf("quinn", two.b().openId()).unionId());
        assertEquals(Optional.of("pia"), db.inTransaction(em -> service(em).accountOfUnionId(two.unionId())));
        assertEquals(List.of("quinn", "pia"), events().stream().filter(e -> AccountBindingService.UNIONID_ON_OTHER_ACCOUNT.equals(e.reason()))
                .map(AuditEvent::account).toList());
    }

    /** One person's openids in two apps, bound to two accounts before the apps gave unionids; and the unionid they give now. */
    private record TwoApps(WeChatIdentity a, WeChatIdentity b, String unionId) {
    }

    private TwoApps boundWithoutUnionIds(String accountA, String accountB) {
        WeChatIdentity a = new WeChatIdentity("wxA", newId(), null, null, null);
        WeChatIdentity b = new WeChatIdentity("wxB", newId(), null, null, null);
        db.inTransaction(em -> service(em).bind(a, accountA));
        db.inTransaction(em -> service(em).bind(b, accountB));
        return new TwoApps(a, b, newId());
    }

    private WeChatOpenId bindingOf(String account, String openId) {
        return db.inTransaction(em -> service(em).bindingsOf(account)).stream().filter(b -> b.openId().equals(openId)).findFirst()
                .orElseThrow();
    }

    private static WeChatIdentity withUnion(WeChatIdentity id, String unionId) {
        return new WeChatIdentity(id.appId(), id.openId(), unionId, id.nickname(), id.avatarUrl());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
