package io.wxbind.admin;

import io.wxbind.db.WxBindData;
import jakarta.inject.Inject;
import io.wxbind.account.WeChatOpenId;
import io.wxbind.audit.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The reads the account and audit packages do not offer: bindings by openid in any app, by unionid, by id; the filtered audit log. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AdminDirectory {

    static final int MAX_ROWS = 100;

    @Inject
    @WxBindData
    EntityManager em;

    /** Bindings of this openid, in one app or in any (openids differ per app, so there is rarely more than one). */
    public List<WeChatOpenId> byOpenId(String openId, String appIdOrNull) {
        String jpql = "select o from WeChatOpenId o where o.openId = :openId" + (appIdOrNull == null ? "" : " and o.appId = :appId")
                + " order by o.id";
        var query = em.createQuery(jpql, WeChatOpenId.class).setParameter("openId", openId).setMaxResults(MAX_ROWS);
        if (appIdOrNull != null) {
            query.setParameter("appId", appIdOrNull);
        }
        return query.getResultList();
    }

    /** Bindings that carry this unionid (the same person through several apps). */
    public List<WeChatOpenId> byUnionId(String unionId) {
        return em.createQuery("select o from WeChatOpenId o where o.unionId = :u order by o.id", WeChatOpenId.class)
                .setParameter("u", unionId).setMaxResults(MAX_ROWS).getResultList();
    }

    /** Audit entries matching the query, newest first, at most {@code max}. */
    public List<AuditEntry> audit(AuditQuery q, int max) {
        TypedQuery<AuditEntry> query = em.createQuery(q.jpql(), AuditEntry.class).setMaxResults(max);
        q.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    public Optional<WeChatOpenId> binding(long id) {
        return Optional.ofNullable(em.find(WeChatOpenId.class, id));
    }
}
