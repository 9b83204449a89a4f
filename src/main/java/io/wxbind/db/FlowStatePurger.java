package io.wxbind.db;

import io.wxbind.auth.token.ApiToken;
import io.wxbind.link.LinkTicket;
import io.wxbind.qr.QrScene;
import io.wxbind.sms.SmsCode;
import io.wxbind.sms.SmsConfig;
import io.wxbind.sms.SmsSend;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Deletes expired authorization requests, bind tickets, SMS codes, API tokens and link tickets,
 * QR scenes an hour after they expired, and SMS send-log rows older than the throttle window.
 * Expiry is checked on every read, so this only keeps the tables small; any node may run it,
 * running twice is harmless.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class FlowStatePurger {

    private static final Logger LOG = Logger.getLogger(FlowStatePurger.class.getName());

    @PersistenceContext(unitName = "wxbind")
    EntityManager em;

    @Schedule(minute = "*", hour = "*", persistent = false)
    public void purge() {
        Instant now = Instant.now();
        int requests = em.createQuery("delete from AuthorizationRequest r where r.expiresAt < :now")
                .setParameter("now", now).executeUpdate();
        int tickets = em.createQuery("delete from BindTicket t where t.expiresAt < :now")
                .setParameter("now", now).executeUpdate();
        int smsCodes = em.createNamedQuery(SmsCode.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
        int smsSends = em.createNamedQuery(SmsSend.DELETE_BEFORE).setParameter("before", now.minus(SmsConfig.THROTTLE_WINDOW))
                .executeUpdate();
        int apiTokens = em.createNamedQuery(ApiToken.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
        int links = em.createNamedQuery(LinkTicket.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
        int qrScenes = em.createNamedQuery(QrScene.DELETE_EXPIRED_BEFORE).setParameter("before", now.minus(QrScene.KEPT_AFTER_EXPIRY))
                .executeUpdate();
        if (requests + tickets + smsCodes + smsSends + apiTokens + links + qrScenes > 0) {
            LOG.fine(() -> "purged " + requests + " expired authorization requests, " + tickets + " bind tickets, " + smsCodes
                    + " SMS codes, " + apiTokens + " API tokens, " + links + " link tickets, " + qrScenes + " QR scenes and "
                    + smsSends + " SMS send-log rows");
        }
    }
}
