/** Database housekeeping: Flyway migrations at deployment and purging of expired flow state. */
package io.wxbind.db;
