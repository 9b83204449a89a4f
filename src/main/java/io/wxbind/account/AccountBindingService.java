package io.wxbind.account;

import io.wxbind.db.WxBindData;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.LogSafe;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
 * person bound through another app of the open platform), else nothing. One unionid stands for
 * one account: a unionid met on another account's openid is a conflict, never a merge. Inserts go through
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

    @Inject
    @WxBindData
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> events;

    @Inject
    SecurityStamps stamps;

    /** Audit reason when a unionid turns out to stand for another account than the openid's: each account gets an entry. */
    public static final String UNIONID_ON_OTHER_ACCOUNT = "unionid_on_other_account";

    /**
     * Flow step 3: the account this WeChat identity is bound to, recording the login time. A bound
     * openid that now comes with a unionid (the app joined an open platform later) gets it
     * attached, and the unionid is recorded for the account; if the unionid already stands for
     * another account, that is one person with two accounts: refused, audited for both, nothing
     * changed (never merged). The audit's LOGIN comes from the login itself (it knows the method).
     */
    public Resolution resolve(WeChatIdentity id) {
        Optional<WeChatOpenId> byOpenId = findOpenId(id.appId(), id.openId());
        if (byOpenId.isPresent()) {
            WeChatOpenId binding = byOpenId.get();
            Optional<String> other = id.unionId() == null ? Optional.empty() : claimUnionId(id.unionId(), binding.accountName());
            if (other.isPresent()) {
                refuseUnionIdConflict(id, binding.accountName(), other.get());
                return new Resolution.UnionIdConflict(binding.accountName(), other.get());
            }
            binding.loggedInAt(clock.instant(), id.unionId());
            return new Resolution.Bound(binding.accountName());
        }
        if (id.unionId() == null) {
            return new Resolution.Unbound();
        }
        WeChatUnionId byUnionId = em.find(WeChatUnionId.class, id.unionId());
        if (byUnionId == null) {
            return new Resolution.Unbound();
        }
        // Same person, known through another app: bind this app's openid to the same account.
        insertOpenId(id, byUnionId.accountName());
        fire(AuditKind.BOUND, byUnionId.accountName(), id);
        return new Resolution.Bound(byUnionId.accountName());
    }

    /**
     * Adds a unionid learnt later (e.g. from {@code cgi-bin/user/info} after a QR scan) to the
     * openid's binding, and links it to the same account; if it already stands for another
     * account, nothing changes and the conflict is audited as in {@link #resolve}.
     */
    public void attachUnionId(String appId, String openId, String unionId) {
        findOpenId(appId, openId).filter(b -> b.unionId() == null).ifPresent(b -> {
            Optional<String> other = claimUnionId(unionId, b.accountName());
            if (other.isPresent()) {
                refuseUnionIdConflict(new WeChatIdentity(appId, openId, unionId, null, null), b.accountName(), other.get());
                return;
            }
            b.attachUnionId(unionId);
        });
    }

    /** Who an openid is bound to, without recording a login. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> accountOf(String appId, String openId) {
        return findOpenId(appId, openId).map(WeChatOpenId::accountName);
    }

    /**
     * Whether a unionid is still worth asking WeChat for: the openid is unbound, or was bound
     * before its app gave unionids (its app may have joined an open platform since).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean lacksUnionId(String appId, String openId) {
        return findOpenId(appId, openId).map(b -> b.unionId() == null).orElse(true);
    }

    /** Who a unionid (the same person through another app) is bound to, without binding or recording anything. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> accountOfUnionId(String unionId) {
        return Optional.ofNullable(unionId == null ? null : em.find(WeChatUnionId.class, unionId)).map(WeChatUnionId::accountName);
    }

    /**
     * Reads only: the other account that this identity's unionid stands for, when its openid is
     * bound to a different one ({@link Resolution.UnionIdConflict}). For a login step that learnt
     * only "refused" from an identity store and must say why.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> unionIdConflictOf(WeChatIdentity id) {
        if (id.unionId() == null) {
            return Optional.empty();
        }
        return accountOf(id.appId(), id.openId()).flatMap(own -> accountOfUnionId(id.unionId()).filter(owner -> !owner.equals(own)));
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
        if (id.unionId() != null && claimUnionId(id.unionId(), accountName).isPresent()) {
            // Another node recorded the unionid for someone else since the check above: undo our openid row.
            em.createQuery("delete from WeChatOpenId o where o.appId = :app and o.openId = :open")
                    .setParameter("app", id.appId()).setParameter("open", id.openId()).executeUpdate();
            fire(AuditKind.CONFLICT, accountName, id, "unionid_bound_elsewhere");
            return new BindingResult.Conflict(accountOfUnionId(id.unionId()).orElse("?"));
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

    /**
     * Records unionid → account unless the unionid is taken. The insert waits for a concurrent
     * node's uncommitted insert of the same unionid, so of two accounts claiming it one wins and
     * the other learns it here. @return the other account that holds it, if any
     */
    private Optional<String> claimUnionId(String unionId, String accountName) {
        int inserted = em.createNativeQuery(INSERT_UNIONID).setParameter(1, unionId).setParameter(2, accountName)
                .setParameter(3, Timestamp.from(Instant.now(clock))).executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        return accountOfUnionId(unionId).filter(owner -> !owner.equals(accountName));
    }

    /** Both accounts get the entry (each sees it in its own history; neither entry names the other account). */
    private void refuseUnionIdConflict(WeChatIdentity id, String account, String unionIdOwner) {
        fire(AuditKind.CONFLICT, account, id, UNIONID_ON_OTHER_ACCOUNT);
        fire(AuditKind.CONFLICT, unionIdOwner, id, UNIONID_ON_OTHER_ACCOUNT);
    }

    private void fire(AuditKind kind, String account, WeChatIdentity id) {
        fire(kind, account, id, null);
    }

    /** {@code reason}: for a conflict, which identifier is someone else's (never who that is). */
    private void fire(AuditKind kind, String account, WeChatIdentity id, String reason) {
        events.fire(AuditEvent.of(kind, account).withWeChat(id.appId(), LogSafe.shortId(id.openId())).withReason(reason));
    }
}
