package io.wxbind.db;

import io.wxbind.auth.flow.JpaUsedStateStore;
import io.wxbind.auth.token.ApiToken;
import io.wxbind.link.LinkTicket;
import io.wxbind.qr.QrScene;
import io.wxbind.sms.SmsCode;
import io.wxbind.sms.SmsConfig;
import io.wxbind.sms.SmsSend;
import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Deletes expired bind tickets, SMS codes, API tokens and link tickets, used login states a
 * minute after they expired, QR scenes an hour after they expired, and SMS send-log rows older
 * than the throttle window. Expiry is checked on every read, so this only keeps the tables
 * small; any node may run it, running twice is harmless.
 */
@Singleton
@LocalBean
public class FlowStatePurger implements ScheduledWork {

    /**
     * An expired state is refused by its own signed expiry before the table is read; the minute
     * covers nodes whose clocks disagree a little, so no node still accepts a state whose row is gone.
     */
    static final Duration USED_STATE_KEPT_AFTER_EXPIRY = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(FlowStatePurger.class.getName());

    @PersistenceContext(unitName = "wxbind")
    EntityManager em;

    @Resource
    TimerService timers;

    @Override
    public void schedule() {
        timers.createCalendarTimer(new ScheduleExpression().minute("*").hour("*"), new TimerConfig("wxbind-flow-state-purge", false));
    }

    @Timeout
    public void purge() {
        Instant now = Instant.now();
        int states = em.createNativeQuery(JpaUsedStateStore.DELETE_EXPIRED_SQL)
                .setParameter(1, Timestamp.from(now.minus(USED_STATE_KEPT_AFTER_EXPIRY))).executeUpdate();
        int tickets = em.createQuery("delete from BindTicket t where t.expiresAt < :now")
                .setParameter("now", now).executeUpdate();
        int smsCodes = em.createNamedQuery(SmsCode.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
        int smsSends = em.createNamedQuery(SmsSend.DELETE_BEFORE).setParameter("before", now.minus(SmsConfig.THROTTLE_WINDOW))
                .executeUpdate();
        int apiTokens = em.createNamedQuery(ApiToken.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
        int links = em.createNamedQuery(LinkTicket.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
        int qrScenes = em.createNamedQuery(QrScene.DELETE_EXPIRED_BEFORE).setParameter("before", now.minus(QrScene.KEPT_AFTER_EXPIRY))
                .executeUpdate();
        if (states + tickets + smsCodes + smsSends + apiTokens + links + qrScenes > 0) {
            LOG.fine(() -> "purged " + states + " used login states, " + tickets + " bind tickets, " + smsCodes
                    + " SMS codes, " + apiTokens + " API tokens, " + links + " link tickets, " + qrScenes + " QR scenes and "
                    + smsSends + " SMS send-log rows");
        }
    }
}
