package io.wxbind.push;

import io.wxbind.config.PushConfig;
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
 * Empties the push tables of rows older than the timestamp window, every minute. Only keeps them
 * small: correctness never depends on it (the window check refuses old requests first). Any node
 * may run it; running twice is harmless. Its own timer rather than a line in
 * {@code FlowStatePurger}, because the window is push configuration.
 */
@Singleton
@LocalBean
public class PushDedupePurger implements ScheduledWork {

    private static final Logger LOG = Logger.getLogger(PushDedupePurger.class.getName());

    @Inject
    PushDedupeStore store;

    @Inject
    PushConfig config;

    @Inject
    Clock clock;

    @Resource
    TimerService timers;

    @Override
    public void schedule() {
        timers.createCalendarTimer(new ScheduleExpression().minute("*").hour("*"), new TimerConfig("wxbind-push-dedupe-purge", false));
    }

    @Timeout
    public void purge() {
        int purged = store.purge(clock.instant(), config.timestampWindow());
        if (purged > 0) {
            LOG.fine(() -> "purged " + purged + " old push records");
        }
    }
}
