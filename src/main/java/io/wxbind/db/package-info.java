/**
 * Database housekeeping: Flyway migrations at deployment, purging of expired flow state, and
 * telling an unreachable PostgreSQL ({@link io.wxbind.db.DatabaseOutage}, answered 503) from a real error.
 */
package io.wxbind.db;
