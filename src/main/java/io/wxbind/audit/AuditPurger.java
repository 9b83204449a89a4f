package io.wxbind.audit;

import io.wxbind.config.AuditConfig;
import io.wxbind.db.ScheduledWork;
import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Deletes audit entries older than {@code wxbind.audit.retention-days} (default 90), every hour
 * (index on {@code at}). Any node may run it; running twice is harmless. Its own timer rather than
 * a line in {@code FlowStatePurger}: the retention is audit configuration
 * ({@code io.wxbind.config.AuditConfig}). Also reports the anonymous entries that were over budget.
 */
@Singleton
@LocalBean
public class AuditPurger implements ScheduledWork {

    private static final Logger LOG = Logger.getLogger(AuditPurger.class.getName());

    @Inject
    AuditLogStore store;

    @Inject
    AuditRecorder recorder;

    @Inject
    Clock clock;

    @Inject
    AuditConfig settings;

    @Resource
    TimerService timers;

    @Override
    public void schedule() {
        timers.createCalendarTimer(new ScheduleExpression().minute("23").hour("*"), new TimerConfig("wxbind-audit-purge", false));
    }

    @Timeout
    public void purge() {
        int purged = store.purgeBefore(clock.instant().minus(settings.retention()));
        if (purged > 0) {
            LOG.fine(() -> "purged " + purged + " audit entries older than " + settings.retention().toDays() + " days");
        }
        long dropped = recorder.drainDroppedAnonymous();
        if (dropped > 0) {
            LOG.warning(() -> dropped + " audit entries without an account were not recorded in the last hour on this node"
                    + " (more than wxbind.audit.anonymous-per-minute in a minute): someone is sending bad requests in bulk");
        }
    }
}
