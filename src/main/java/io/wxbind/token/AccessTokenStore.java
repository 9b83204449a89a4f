package io.wxbind.token;

import io.wxbind.db.WxBindData;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The token rows: plain reads, the row lock for a refresh, and the compare-and-set retirement. */
@ApplicationScoped
public class AccessTokenStore {

    @Inject
    @WxBindData
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TokenState> read(String appId) {
        return em.createQuery("select t from AppAccessToken t where t.appId = :a", AppAccessToken.class)
                .setParameter("a", appId).getResultStream().findFirst().map(AppAccessToken::state);
    }

    /**
     * Locks the app's row for the current transaction, creating it first if needed. Waiting for
     * the lock is bounded; a node that waited finds the refreshed row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AppAccessToken lock(String appId, Duration maxWait) {
        em.createNativeQuery("set local lock_timeout = '" + Math.max(1, maxWait.toMillis()) + "ms'").executeUpdate();
        em.createNativeQuery("insert into wxbind_app_token (app_id) values (?1) on conflict (app_id) do nothing")
                .setParameter(1, appId).executeUpdate();
        return em.find(AppAccessToken.class, appId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Retires {@code badToken} if it is still the current, unexpired token. Of many callers that
     * saw the same 40001 at once, exactly one gets {@code true} and refreshes.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean retire(String appId, String badToken, Instant now) {
        return em.createNativeQuery("update wxbind_app_token set expires_at = ?1 where app_id = ?2 and access_token = ?3"
                        + " and expires_at > ?1")
                .setParameter(1, Timestamp.from(now)).setParameter(2, appId).setParameter(3, badToken)
                .executeUpdate() == 1;
    }
}
