package io.wxbind.audit;

import io.wxbind.db.WxBindData;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** {@code wxbind_audit_log} ({@code V10__audit_log.sql}, {@code subject} since V16): one insert per entry, an account's page, the purge. */
@ApplicationScoped
public class AuditLogStore {

    private static final String INSERT = "insert into wxbind_audit_log (at, kind, account, app_id, short_open_id, method, reason,"
            + " client_address, client_masked, user_agent, node, subject) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

    @Inject
    @WxBindData
    EntityManager em;

    /**
     * In a transaction of its own (REQUIRES_NEW): the entry stays whatever becomes of the caller's
     * transaction. {@link AuditRecorder} calls it after that transaction has ended, when the
     * finished one can take no more work (Narayana refuses it outright), and a new one is the only way.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(AuditRow row) {
        AuditEvent e = row.event();
        em.createNativeQuery(INSERT).setParameter(1, Timestamp.from(row.at())).setParameter(2, e.kind().name())
                .setParameter(3, e.account()).setParameter(4, e.appId()).setParameter(5, e.shortOpenId())
                .setParameter(6, e.method()).setParameter(7, e.reason()).setParameter(8, row.clientAddress())
                .setParameter(9, row.clientMasked()).setParameter(10, row.userAgent()).setParameter(11, row.node())
                .setParameter(12, e.subject())
                .executeUpdate();
    }

    /** The account's entries with an id below {@code before}, newest first, at most {@code limit}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> of(String account, long before, int limit) {
        return em.createNamedQuery(AuditEntry.OF_ACCOUNT_BEFORE, AuditEntry.class).setParameter("account", account)
                .setParameter("before", before).setMaxResults(limit).getResultList();
    }

    /** Deletes entries older than {@code cutoff}; returns how many. */
    @Transactional
    public int purgeBefore(Instant cutoff) {
        return em.createNamedQuery(AuditEntry.DELETE_BEFORE).setParameter("before", cutoff).executeUpdate();
    }
}
