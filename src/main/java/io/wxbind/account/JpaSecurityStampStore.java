package io.wxbind.account;

import io.wxbind.db.WxBindData;
import jakarta.inject.Inject;
import io.wxbind.util.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * {@link SecurityStampStore} in PostgreSQL ({@code wxbind_security_stamp}). A rotation is one
 * upsert, so two nodes rotating at once both end with a stamp that no older session carries.
 * Rows are never deleted: a re-created username keeps the deleted account's last stamp.
 */
@ApplicationScoped
public class JpaSecurityStampStore implements SecurityStampStore {

    private static final String UPSERT = "insert into wxbind_security_stamp (account_name, stamp, reason, changed_at)"
            + " values (?1, ?2, ?3, ?4) on conflict (account_name)"
            + " do update set stamp = excluded.stamp, reason = excluded.reason, changed_at = excluded.changed_at";

    @Inject
    @WxBindData
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public String current(String account) {
        List<?> rows = em.createNativeQuery("select stamp from wxbind_security_stamp where account_name = ?1")
                .setParameter(1, account).getResultList();
        return rows.isEmpty() ? INITIAL : (String) rows.get(0);
    }

    @Override
    @Transactional
    public String rotate(String account, RevocationReason reason, Instant now) {
        String stamp = SecureTokens.alphanumeric(24);
        em.createNativeQuery(UPSERT).setParameter(1, account).setParameter(2, stamp).setParameter(3, reason.code())
                .setParameter(4, Timestamp.from(now)).executeUpdate();
        return stamp;
    }
}
