package io.wxbind.audit;

import io.wxbind.testsupport.JpaTestDatabase;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit store on a test database, each call in its own committed transaction as REQUIRES_NEW gives in the container. */
final class AuditTestLog {

    private AuditTestLog() {
    }

    static AuditLogStore store(JpaTestDatabase db) {
        return new AuditLogStore() {
            @Override
            public void insert(AuditRow row) {
                db.inTransaction(em -> {
                    on(em).insert(row);
                    return null;
                });
            }

            @Override
            public List<AuditEntry> of(String account, long before, int limit) {
                return db.inTransaction(em -> on(em).of(account, before, limit));
            }

            @Override
            public int purgeBefore(Instant cutoff) {
                return db.inTransaction(em -> on(em).purgeBefore(cutoff));
            }
        };
    }

    static AuditLogStore on(EntityManager em) {
        AuditLogStore s = new AuditLogStore();
        s.em = em;
        return s;
    }

    /** The rows matching {@code where} (JDBC placeholders, {@code args}), oldest first, read over plain JDBC. */
    static List<Map<String, String>> rows(JpaTestDatabase db, String where, Object... args) {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select * from wxbind_audit_log where " + where + " order by id")) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Map<String, String>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
