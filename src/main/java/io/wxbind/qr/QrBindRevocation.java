package io.wxbind.qr;

import io.wxbind.db.WxBindData;
import io.wxbind.account.StampRotated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * When an account's sessions end (its security stamp changed: password, unbind, log out
 * everywhere, disabled, deleted), so do the bind QR codes it still has open: a code created with a
 * stolen session must not bind the thief's WeChat after the password was changed, nor bind anyone
 * to a deleted account's name. Runs in the rotating transaction.
 */
@ApplicationScoped
// A transaction even for reads: Payara shares one non-transactional EntityManager between the beans
// of a request and closes it once per bean, so two such readers in one login failed the request.
@Transactional
public class QrBindRevocation {

    @Inject
    @WxBindData
    EntityManager em;

    @Inject
    Clock clock;

    void onStampRotated(@Observes StampRotated rotated) {
        Timestamp now = Timestamp.from(clock.instant());
        em.createNativeQuery("update wxbind_qr_scene set expires_at = ?1 where purpose = 'bind' and account_name = ?2"
                + " and completed_at is null and expires_at > ?1").setParameter(1, now).setParameter(2, rotated.account()).executeUpdate();
    }
}
