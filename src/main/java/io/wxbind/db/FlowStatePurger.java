package io.wxbind.db;

import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

/**
 * Deletes expired flow state once a minute: whatever the packages that own it contribute as
 * {@link ExpiredRows} beans (bind tickets and used login states, SMS codes and send-log rows,
 * API tokens, link tickets, QR scenes). Expiry is checked on every read, so this only keeps the
 * tables small; any node may run it, running twice is harmless. Its timer is created only once
 * WxBind is on ({@link ScheduledWork}).
 */
@Singleton
@LocalBean
public class FlowStatePurger implements ScheduledWork {

    private static final Logger LOG = Logger.getLogger(FlowStatePurger.class.getName());

    @Inject
    @WxBindData
    EntityManager em;

    @Inject
    Instance<ExpiredRows> contributed;

    @Resource
    TimerService timers;

    @Override
    public void schedule() {
        timers.createCalendarTimer(new ScheduleExpression().minute("*").hour("*"), new TimerConfig("wxbind-flow-state-purge", false));
    }

    /** The contributions, in a stable order (by label) so that the log line reads the same on every node. */
    List<ExpiredRows> tables() {
        List<ExpiredRows> all = new ArrayList<>();
        contributed.forEach(all::add);
        all.sort(Comparator.comparing(ExpiredRows::label));
        return all;
    }

    @Timeout
    public void purge() {
        purge(tables());
    }

    void purge(List<ExpiredRows> tables) {
        Instant now = Instant.now();
        List<String> purged = new ArrayList<>();
        for (ExpiredRows table : tables) {
            int rows = table.purge(em, now);
            if (rows > 0) {
                purged.add(rows + " " + table.label());
            }
        }
        if (!purged.isEmpty()) {
            LOG.fine(() -> "purged " + String.join(", ", purged));
        }
    }
}
