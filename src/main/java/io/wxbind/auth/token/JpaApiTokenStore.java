package io.wxbind.auth.token;

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
 * {@link ApiTokenStore} in PostgreSQL. Issuing and "revoke all" take a transaction-scoped
 * advisory lock on the caller, so two nodes issuing at once cannot both squeeze under the cap.
 * A lookup is a primary-key read without a transaction of its own: it is on every uncached
 * request, and a read needs none.
 */
@ApplicationScoped
@Transactional
public class JpaApiTokenStore implements ApiTokenStore {

    /** Advisory-lock namespace (first key of {@code pg_advisory_xact_lock(int, int)}). */
    private static final int LOCK_CALLER = 0x41504901;

    @Inject
    @WxBindData
    EntityManager em;

    @Override
    public List<String> add(ApiTokenGrant grant, int maxPerCaller, Instant now) {
        lockCaller(grant.caller());
        List<String> dropped = new ArrayList<>();
        int live = 0;
        for (ApiToken t : em.createNamedQuery(ApiToken.BY_CALLER, ApiToken.class).setParameter("caller", grant.caller())
                .getResultList()) {
            // newest first: keep maxPerCaller - 1 live ones, the new token is the last place
            if (t.isExpiredAt(now) || ++live >= maxPerCaller) {
                dropped.add(t.tokenHash());
                em.remove(t);
            }
        }
        em.persist(new ApiToken(grant));
        return dropped;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ApiTokenGrant> find(String tokenHash) {
        return Optional.ofNullable(em.find(ApiToken.class, tokenHash)).map(ApiToken::grant);
    }

    @Override
    public boolean remove(String tokenHash) {
        return em.createNamedQuery(ApiToken.DELETE_BY_HASH).setParameter("hash", tokenHash).executeUpdate() > 0;
    }

    @Override
    public List<String> removeAllOf(String caller) {
        lockCaller(caller);
        List<String> hashes = em.createNamedQuery(ApiToken.BY_CALLER, ApiToken.class).setParameter("caller", caller)
                .getResultStream().map(ApiToken::tokenHash).toList();
        em.createNamedQuery(ApiToken.DELETE_BY_CALLER).setParameter("caller", caller).executeUpdate();
        return hashes;
    }

    /** Held until commit or rollback. */
    private void lockCaller(String caller) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, hashtext(?2))) as locked")
                .setParameter(1, LOCK_CALLER).setParameter(2, caller).getSingleResult();
    }
}
