package io.wxbind.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import javax.transaction.xa.XAException;

/**
 * Tells "PostgreSQL cannot be reached right now" (stopped, restarting, failing over, the pool
 * cannot hand out a connection) from real errors, by the exception's causes alone, so that the
 * pages, the API and the mechanism answer a clear 503 and keep the stack trace out of the log.
 * The pool (server-config) drops dead connections and reconnects by itself; nothing here retries.
 * Only standard types are looked at (JDBC, Jakarta Connectors), which EclipseLink on Payara and
 * Hibernate on WildFly both keep as causes.
 */
public final class DatabaseOutage {

    /** The caller may try again this soon: a restart or fail-over takes seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;
    private static final int MAX_DEPTH = 32;

    private DatabaseOutage() {
    }

    /** The description of the outage behind {@code error} (for a one-line log), or empty if it is no outage. */
    public static Optional<String> in(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (isConnectionFailure(t)) {
                return Optional.of(t.getClass().getSimpleName() + ": " + firstLine(t.getMessage()));
            }
        }
        return Optional.empty();
    }

    static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // 08 connection exception; 57P01-03 admin/crash shutdown, cannot connect now; 53300 too many connections
            return state.startsWith("08") || state.startsWith("57P") || state.equals("53300");
        }
        // The transaction manager could not finish (commit or roll back) on the connection because the
        // resource manager failed: PostgreSQL went away mid-transaction. Payara keeps the closed-connection
        // error only in the XAException's message, not as its cause.
        if (t instanceof XAException xa && (xa.errorCode == XAException.XAER_RMFAIL || xa.errorCode == XAException.XAER_RMERR)) {
            return true;
        }
        // The container's pool could not allocate a connection (Jakarta Connectors, on any server).
        return isResourceException(t.getClass());
    }

    private static boolean isResourceException(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals("jakarta.resource.ResourceException")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
