package io.wxbind.account;

import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.LogSafe;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves, creates and lists bindings: openid → account, else unionid → account (the same
 * person bound through another app of the open platform), else nothing. Inserts go through
 * {@code on conflict do nothing}, so two nodes binding the same openid at once cannot both win
 * and neither sees an exception: the loser learns who owns it.
 */
@ApplicationScoped
@Transactional
public class AccountBindingService {

    private static final String INSERT_OPENID = "insert into wxbind_wechat_openid"
            + " (app_id, open_id, account_name, union_id, nickname, avatar_url, bound_at, last_login_at)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) on conflict (app_id, open_id) do nothing";
    private static final String INSERT_UNIONID = "insert into wxbind_wechat_unionid (union_id, account_name, bound_at)"
            + " values (?1, ?2, ?3) on conflict (union_id) do nothing";

    @PersistenceContext(unitName = "wxbind")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> events;

    @Inject
    SecurityStamps stamps;

    /**
     * Flow step 3: the account this WeChat identity is bound to, recording the login time. The
     * audit's LOGIN comes from the login itself (it knows the method), not from here.
     */
    public Optional<String> resolve(WeChatIdentity id) {
        Optional<WeChatOpenId> byOpenId = findOpenId(id.appId(), id.openId());
        if (byOpenId.isPresent()) {
            WeChatOpenId binding = byOpenId.get();
            binding.loggedInAt(clock.instant(), id.unionId());
            if (id.unionId() != null) {
                insertUnionId(id.unionId(), binding.accountName());
            }
            return Optional.of(binding.accountName());
        }
        if (id.unionId() == null) {
            return Optional.empty();
        }
        WeChatUnionId byUnionId = em.find(WeChatUnionId.class, id.unionId());
        if (byUnionId == null) {
            return Optional.empty();
        }
        // Same person, known through another app: bind this app's openid to the same account.
        insertOpenId(id, byUnionId.accountName());
        fire(AuditKind.BOUND, byUnionId.accountName(), id);
        return Optional.of(byUnionId.accountName());
    }

    /**
     * Adds a unionid learnt later (e.g. from {@code cgi-bin/user/info} after a QR scan) to the
     * openid's binding, and links it to the same account unless it is already someone else's.
     */
    public void attachUnionId(String appId, String openId, String unionId) {
        findOpenId(appId, openId).filter(b -> b.unionId() == null).ifPresent(b -> {
            b.attachUnionId(unionId);
            insertUnionId(unionId, b.accountName());
        });
    }

    /** Who an openid is bound to, without recording a login. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> accountOf(String appId, String openId) {
        return findOpenId(appId, openId).map(WeChatOpenId::accountName);
    }

    /** Who a unionid (the same person through another app) is bound to, without binding or recording anything. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> accountOfUnionId(String unionId) {
        return Optional.ofNullable(unionId == null ? null : em.find(WeChatUnionId.class, unionId)).map(WeChatUnionId::accountName);
    }

    /** Flow step 4 (bind): the person proved they own {@code accountName}. */
    public BindingResult bind(WeChatIdentity id, String accountName) {
        if (id.unionId() != null) {
            WeChatUnionId union = em.find(WeChatUnionId.class, id.unionId());
            if (union != null && !union.accountName().equals(accountName)) {
                fire(AuditKind.CONFLICT, accountName, id, "unionid_bound_elsewhere");
                return new BindingResult.Conflict(union.accountName());
            }
        }
        if (!insertOpenId(id, accountName)) {
            String owner = findOpenId(id.appId(), id.openId()).map(WeChatOpenId::accountName).orElse("?");
            if (owner.equals(accountName)) {
                return new BindingResult.AlreadyBound(owner);
            }
            fire(AuditKind.CONFLICT, accountName, id, "openid_bound_elsewhere");
            return new BindingResult.Conflict(owner);
        }
        if (id.unionId() != null) {
            insertUnionId(id.unionId(), accountName);
        }
        fire(AuditKind.BOUND, accountName, id);
        return new BindingResult.Bound(accountName);
    }

    /** Flow step 4 (register): a new local account from the WeChat profile, bound at once. */
    public String register(WeChatIdentity id, Set<String> groups) {
        String username = "wx_" + SecureTokens.alphanumeric(10).toLowerCase(Locale.ROOT);
        String displayName = id.nickname() != null ? id.nickname() : "WeChat user";
        em.persist(new UserAccount(username, null, null, displayName, groups, clock.instant()));
        BindingResult result = bind(id, username);
        if (!(result instanceof BindingResult.Bound)) {
            throw new IllegalStateException("a fresh account could not be bound: " + result);
        }
        fire(AuditKind.FIRST_LOGIN, username, id);
        return username;
    }

    /**
     * Removes one of the account's own bindings. The unionid link goes too once no openid of
     * that person is bound to the account any more. Every session and token of the account ends
     * (the unbound WeChat may be how someone else got in). @return false if it is not theirs
     */
    public boolean unbind(String accountName, long bindingId) {
        WeChatOpenId binding = em.find(WeChatOpenId.class, bindingId);
        if (binding == null || !binding.accountName().equals(accountName)) {
            return false;
        }
        em.remove(binding);
        em.flush();
        if (binding.unionId() != null && bindingsOf(accountName).stream().noneMatch(b -> binding.unionId().equals(b.unionId()))) {
            em.createQuery("delete from WeChatUnionId u where u.unionId = :u and u.accountName = :a")
                    .setParameter("u", binding.unionId()).setParameter("a", accountName).executeUpdate();
        }
        fire(AuditKind.UNBOUND, accountName, new WeChatIdentity(binding.appId(), binding.openId(), binding.unionId(), null, null));
        stamps.rotate(accountName, RevocationReason.UNBIND);
        return true;
    }

    /** Every binding of an account that is being deleted (openids and unionids), so a re-used name inherits none. */
    public int removeAllOf(String accountName) {
        List<WeChatOpenId> all = bindingsOf(accountName);
        all.forEach(b -> fire(AuditKind.UNBOUND, accountName, new WeChatIdentity(b.appId(), b.openId(), b.unionId(), null, null)));
        em.createQuery("delete from WeChatUnionId u where u.accountName = :a").setParameter("a", accountName).executeUpdate();
        return em.createQuery("delete from WeChatOpenId o where o.accountName = :a").setParameter("a", accountName).executeUpdate();
    }

    public List<WeChatOpenId> bindingsOf(String accountName) {
        return em.createNamedQuery(WeChatOpenId.BY_ACCOUNT, WeChatOpenId.class).setParameter("account", accountName)
                .getResultList();
    }

    private Optional<WeChatOpenId> findOpenId(String appId, String openId) {
        return em.createNamedQuery(WeChatOpenId.BY_APP_AND_OPENID, WeChatOpenId.class)
                .setParameter("appId", appId).setParameter("openId", openId)
                .getResultStream().findFirst();
    }

    private boolean insertOpenId(WeChatIdentity id, String accountName) {
        return em.createNativeQuery(INSERT_OPENID)
                .setParameter(1, id.appId()).setParameter(2, id.openId()).setParameter(3, accountName)
                .setParameter(4, id.unionId()).setParameter(5, id.nickname()).setParameter(6, id.avatarUrl())
                .setParameter(7, Timestamp.from(clock.instant()))
                .executeUpdate() == 1;
    }

    private void insertUnionId(String unionId, String accountName) {
        em.createNativeQuery(INSERT_UNIONID).setParameter(1, unionId).setParameter(2, accountName)
                .setParameter(3, Timestamp.from(Instant.now(clock))).executeUpdate();
    }

    private void fire(AuditKind kind, String account, WeChatIdentity id) {
        fire(kind, account, id, null);
    }

    /** {@code reason}: for a conflict, which identifier is someone else's (never who that is). */
    private void fire(AuditKind kind, String account, WeChatIdentity id, String reason) {
        events.fire(AuditEvent.of(kind, account).withWeChat(id.appId(), LogSafe.shortId(id.openId())).withReason(reason));
    }
}
