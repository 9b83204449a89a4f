package io.wxbind.auth.remember;

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
 * Deletes expired remember-me tokens. Expiry is checked on every read, so this only keeps the
 * table small; any node may run it, running twice is harmless.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class RememberMePurger {

    private static final Logger LOG = Logger.getLogger(RememberMePurger.class.getName());

    @PersistenceContext(unitName = "wxbind")
    EntityManager em;

    @Inject
    Clock clock;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    public void purge() {
        int gone = em.createNamedQuery(RememberMeToken.DELETE_EXPIRED).setParameter("now", clock.instant()).executeUpdate();
        if (gone > 0) {
            LOG.fine(() -> "purged " + gone + " expired remember-me tokens");
        }
    }
}
