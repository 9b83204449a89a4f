package io.wxbind.db;

import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * A feature's short-lived rows (tickets, codes, scenes, used states) that {@link FlowStatePurger}
 * deletes once a minute. Each package that owns such a table contributes one bean, so this
 * package knows no feature's tables. Expiry is also checked on every read: purging only keeps
 * the tables small, and deleting twice (two nodes) is harmless.
 */
public interface ExpiredRows {

    /** What the rows are, for the purger's log line ("SMS codes"). */
    String label();

    /** Deletes the rows that may go at {@code now}, in the purger's transaction; how many went. */
    int purge(EntityManager em, Instant now);
}
