package io.wxbind.auth.flow;

import io.wxbind.db.WxBindData;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * {@link UsedStateStore} in {@code wxbind_used_state}, by native SQL: PostgreSQL's
 * {@code insert … on conflict do nothing} on the primary key is an atomic "first one wins"
 * across nodes (a second insert of the same key waits for the first transaction, then counts 0).
 */
@ApplicationScoped
@Transactional
public class JpaUsedStateStore implements UsedStateStore {

    /** For {@link FlowRowsPurge}: rows whose state expired before {@code ?1}. */
    public static final String DELETE_EXPIRED_SQL = "delete from wxbind_used_state where expires_at < ?1";

    @Inject
    @WxBindData
    EntityManager em;

    @Override
    public boolean wasUsed(String stateHash) {
        return !em.createNativeQuery("select 1 from wxbind_used_state where state_hash = ?1").setParameter(1, stateHash)
                .getResultList().isEmpty();
    }

    @Override
    public boolean markUsed(String stateHash, Instant expiresAt) {
        return em.createNativeQuery("insert into wxbind_used_state (state_hash, expires_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, stateHash).setParameter(2, Timestamp.from(expiresAt)).executeUpdate() == 1;
    }
}
