package io.wxbind.qr;

import io.wxbind.db.WxBindData;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * QR codes created per app and day in {@code wxbind_qr_daily} (V16), the figure WeChat's daily
 * {@code qrcode/create} quota is measured against (protocol §5: 100 000 a day). Days are Beijing
 * days, as WeChat's quotas are. The scenes themselves cannot tell: they are purged an hour after
 * expiry ({@link QrScene#KEPT_AFTER_EXPIRY}).
 */
@ApplicationScoped
public class QrDailyCount {

    /** WeChat's quotas follow Beijing days. */
    public static final ZoneOffset WECHAT_DAYS = ZoneOffset.ofHours(8);

    @Inject
    @WxBindData
    EntityManager em;

    public static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, WECHAT_DAYS);
    }

    /** One more code; a statement of its own, so the row is locked only for that statement. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void add(String appId, LocalDate day) {
        em.createNativeQuery("insert into wxbind_qr_daily (app_id, day, created) values (?1, ?2, 1)"
                + " on conflict (app_id, day) do update set created = wxbind_qr_daily.created + 1")
                .setParameter(1, appId).setParameter(2, java.sql.Date.valueOf(day)).executeUpdate();
    }

    /** Codes created for {@code appId} on {@code day}; 0 when none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long on(String appId, LocalDate day) {
        List<?> rows = em.createNativeQuery("select created from wxbind_qr_daily where app_id = ?1 and day = ?2")
                .setParameter(1, appId).setParameter(2, java.sql.Date.valueOf(day)).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }
}
