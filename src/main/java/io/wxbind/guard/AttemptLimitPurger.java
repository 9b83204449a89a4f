package io.wxbind.guard;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Drops guessing counters that are forgotten anyway (quiet for the window after their last
 * failure or block). Only keeps the table small: an expired row counts as new when read. Any
 * node may run it; running twice is harmless.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class AttemptLimitPurger {

    private static final Logger LOG = Logger.getLogger(AttemptLimitPurger.class.getName());

    @PersistenceContext(unitName = "wxbind")
    EntityManager em;

    @Inject
    Clock clock;

    @Schedule(minute = "*/5", hour = "*", persistent = false)
    public void purge() {
        int gone = em.createNamedQuery(AttemptCounter.DELETE_EXPIRED).setParameter("now", clock.instant()).executeUpdate();
        if (gone > 0) {
            LOG.fine(() -> "purged " + gone + " expired guessing counters");
        }
    }
}
