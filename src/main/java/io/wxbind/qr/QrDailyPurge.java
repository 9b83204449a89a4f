package io.wxbind.qr;

import io.wxbind.db.ExpiredRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** Daily QR counts older than {@link #KEPT_DAYS} days, for {@code io.wxbind.db.FlowStatePurger}. */
@ApplicationScoped
public class QrDailyPurge implements ExpiredRows {

    static final int KEPT_DAYS = 7;

    @Override
    public String label() {
        return "daily QR counts";
    }

    @Override
    public int purge(EntityManager em, Instant now) {
        return em.createNativeQuery("delete from wxbind_qr_daily where day < ?1")
                .setParameter(1, java.sql.Date.valueOf(QrDailyCount.dayOf(now).minusDays(KEPT_DAYS))).executeUpdate();
    }
}
