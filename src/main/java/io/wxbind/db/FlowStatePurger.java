package io.wxbind.db;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

/**
 * Deletes expired flow state once a minute: whatever the packages that own it contribute as
 * {@link ExpiredRows} beans (bind tickets and used login states, SMS codes and send-log rows,
 * API tokens, link tickets, QR scenes). Expiry is checked on every read, so this only keeps the
 * tables small; any node may run it, running twice is harmless.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class FlowStatePurger {

    private static final Logger LOG = Logger.getLogger(FlowStatePurger.class.getName());

    @PersistenceContext(unitName = "wxbind")
    EntityManager em;

    @Inject
    Instance<ExpiredRows> contributed;

    /** The contributions, in a stable order (by label) so that the log line reads the same on every node. */
    List<ExpiredRows> tables() {
        List<ExpiredRows> all = new ArrayList<>();
        contributed.forEach(all::add);
        all.sort(Comparator.comparing(ExpiredRows::label));
        return all;
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
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
