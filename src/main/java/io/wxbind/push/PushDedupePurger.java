package io.wxbind.push;

import io.wxbind.config.PushConfig;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
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
@Startup
@DependsOn("SchemaMigrator")
public class PushDedupePurger {

    private static final Logger LOG = Logger.getLogger(PushDedupePurger.class.getName());

    @Inject
    PushDedupeStore store;

    @Inject
    PushConfig config;

    @Inject
    Clock clock;

    @Schedule(minute = "*", hour = "*", persistent = false)
    public void purge() {
        int purged = store.purge(clock.instant(), config.timestampWindow());
        if (purged > 0) {
            LOG.fine(() -> "purged " + purged + " old push records");
        }
    }
}
