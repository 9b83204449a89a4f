package io.wxbind.guard;

import io.wxbind.db.WxBindData;
import io.wxbind.db.ScheduledWork;
import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Drops guessing counters that are forgotten anyway (quiet for the window after their last
 * failure or block). Only keeps the table small: an expired row counts as new when read. Any
 * node may run it; running twice is harmless.
 */
@Singleton
@LocalBean
public class AttemptLimitPurger implements ScheduledWork {

    private static final Logger LOG = Logger.getLogger(AttemptLimitPurger.class.getName());

    @Inject
    @WxBindData
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    TimerService timers;

    @Override
    public void schedule() {
        timers.createCalendarTimer(new ScheduleExpression().minute("*/5").hour("*"), new TimerConfig("wxbind-attempt-limit-purge", false));
    }

    @Timeout
    public void purge() {
        int gone = em.createNamedQuery(AttemptCounter.DELETE_EXPIRED).setParameter("now", clock.instant()).executeUpdate();
        if (gone > 0) {
            LOG.fine(() -> "purged " + gone + " expired guessing counters");
        }
    }
}
