package io.wxbind.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void inWhenConnectionRefusedDeepInsideThenOutageWithTheCauseFirstLine() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused.\nCheck that the hostname...", "08001");
        RuntimeException wrapped = new IllegalStateException("JASPIC", new PersistenceException("Exception [EclipseLink-4002]", refused));
        assertEquals(Optional.of("SQLException: Connection to localhost:5432 refused."), DatabaseOutage.in(wrapped));
    }

    @Test
    void inWhenServerShutsDownOrPoolCannotAllocateThenOutage() {
        assertTrue(DatabaseOutage.in(new SQLException("terminating connection due to administrator command", "57P01")).isPresent());
        assertTrue(DatabaseOutage.in(new SQLException("the database system is starting up", "57P03")).isPresent());
        assertTrue(DatabaseOutage.in(new SQLException("I/O error", "08006")).isPresent());
        assertTrue(DatabaseOutage.in(new SQLTransientConnectionException("pool timed out")).isPresent());
        SQLException allocating = new SQLException("Error in allocating a connection");
        allocating.initCause(new ResourceException("Connection could not be allocated"));
        assertTrue(DatabaseOutage.in(new PersistenceException(allocating)).isPresent());
    }

    @Test
    void inWhenCommitFailsBecauseTheResourceManagerFailedThenOutage() {
        // Payara: TransactionalException ← SystemException ← XAException("...LocalTransactionException: This connection has been closed.")
        XAException rolledBackOnClosed = new XAException("jakarta.resource.spi.LocalTransactionException: This connection has been closed.");
        rolledBackOnClosed.errorCode = XAException.XAER_RMERR;
        RuntimeException commit = new IllegalStateException("encountered exception during commit",
                new Exception("jakarta.transaction.SystemException", rolledBackOnClosed));
        assertTrue(DatabaseOutage.in(commit).isPresent());
        XAException heuristic = new XAException(XAException.XA_HEURRB);
        assertEquals(Optional.empty(), DatabaseOutage.in(new IllegalStateException(heuristic)));
    }

    @Test
    void inWhenRealErrorThenNoOutage() {
        assertEquals(Optional.empty(), DatabaseOutage.in(new SQLException("duplicate key value", "23505")));
        assertEquals(Optional.empty(), DatabaseOutage.in(new SQLException("syntax error", "42601")));
        assertEquals(Optional.empty(), DatabaseOutage.in(new PersistenceException("no cause")));
        assertEquals(Optional.empty(), DatabaseOutage.in(new NullPointerException()));
        assertEquals(Optional.empty(), DatabaseOutage.in(new SQLException("no state")));
    }
}
