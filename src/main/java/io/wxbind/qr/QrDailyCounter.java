package io.wxbind.qr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Counts each {@link QrCodeCreated} in {@link QrDailyCount} after the creator's transaction (at
 * once without one), as the audit recorder does: the counter row never joins the creator's locks,
 * and a failure to count is a warning, never the user's problem.
 */
@ApplicationScoped
public class QrDailyCounter {

    private static final Logger LOG = Logger.getLogger(QrDailyCounter.class.getName());

    @Inject
    QrDailyCount count;

    void onCreated(@Observes(during = TransactionPhase.AFTER_COMPLETION) QrCodeCreated created) {
        try {
            count.add(created.appId(), QrDailyCount.dayOf(created.at()));
        } catch (RuntimeException e) {
            LOG.warning(() -> "QR code of " + created.appId() + " not counted: " + e.getClass().getSimpleName());
        }
    }
}
