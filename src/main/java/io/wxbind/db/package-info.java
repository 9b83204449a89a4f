/**
 * Database housekeeping: Flyway migrations at deployment, purging of expired flow state (the
 * {@link io.wxbind.db.ExpiredRows} each package contributes: this package knows no feature's
 * tables), the JPA {@code Instant} converter every entity uses, and telling an unreachable
 * PostgreSQL ({@link io.wxbind.db.DatabaseOutage}, answered 503) from a real error.
 */
package io.wxbind.db;
