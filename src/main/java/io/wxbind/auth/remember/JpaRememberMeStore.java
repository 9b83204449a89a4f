package io.wxbind.auth.remember;

import io.wxbind.db.WxBindData;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link RememberMeStore} in PostgreSQL. A lookup is a primary-key read without a transaction of
 * its own (it is on every uncached request); a write joins the caller's transaction, so the
 * tokens of an account go in the same transaction that rotates its stamp.
 */
@ApplicationScoped
@Transactional
public class JpaRememberMeStore implements RememberMeStore {

    @Inject
    @WxBindData
    EntityManager em;

    @Override
    public List<String> add(RememberMeGrant grant, int maxPerCaller, Instant now) {
        List<String> dropped = new ArrayList<>();
        int live = 0;
        for (RememberMeToken t : em.createNamedQuery(RememberMeToken.BY_CALLER, RememberMeToken.class)
                .setParameter("caller", grant.caller()).getResultList()) {
            // newest first: keep maxPerCaller - 1 live ones, the new token takes the last place
            if (t.isExpiredAt(now) || ++live >= maxPerCaller) {
                dropped.add(t.tokenHash());
                em.remove(t);
            }
        }
        em.persist(new RememberMeToken(grant));
        return dropped;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RememberMeGrant> find(String tokenHash) {
        return Optional.ofNullable(em.find(RememberMeToken.class, tokenHash)).map(RememberMeToken::grant);
    }

    @Override
    public void touch(String tokenHash, Instant now) {
        em.createNamedQuery(RememberMeToken.TOUCH).setParameter("now", now).setParameter("hash", tokenHash).executeUpdate();
    }

    @Override
    public boolean remove(String tokenHash) {
        return em.createNamedQuery(RememberMeToken.DELETE_BY_HASH).setParameter("hash", tokenHash).executeUpdate() > 0;
    }

    @Override
    public List<String> removeAllOf(String caller) {
        List<String> hashes = em.createNamedQuery(RememberMeToken.BY_CALLER, RememberMeToken.class).setParameter("caller", caller)
                .getResultStream().map(RememberMeToken::tokenHash).toList();
        em.createNamedQuery(RememberMeToken.DELETE_BY_CALLER).setParameter("caller", caller).executeUpdate();
        return hashes;
    }
}
