package io.wxbind.auth.flow;

import io.wxbind.db.ExpiredRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/** The login flow's expired rows for {@code io.wxbind.db.FlowStatePurger}: used login states and bind tickets. */
@ApplicationScoped
public class FlowRowsPurge implements ExpiredRows {

    /**
     * An expired state is refused by its own signed expiry before the table is read; the minute
     * covers nodes whose clocks disagree a little, so no node still accepts a state whose row is gone.
     */
    static final Duration USED_STATE_KEPT_AFTER_EXPIRY = Duration.ofMinutes(1);

    @Override
    public String label() {
        return "used login states and bind tickets";
    }

    @Override
    public int purge(EntityManager em, Instant now) {
        int states = em.createNativeQuery(JpaUsedStateStore.DELETE_EXPIRED_SQL)
                .setParameter(1, Timestamp.from(now.minus(USED_STATE_KEPT_AFTER_EXPIRY))).executeUpdate();
        return states + em.createQuery("delete from BindTicket t where t.expiresAt < :now").setParameter("now", now).executeUpdate();
    }
}
