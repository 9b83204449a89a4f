package io.wxbind.miniprogram;

import io.wxbind.db.ExpiredRows;
import io.wxbind.util.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * A {@code wx.login} code is exchanged once: the first request to claim it wins, across nodes
 * ({@code insert … on conflict do nothing}: a second insert waits for the first transaction,
 * then counts 0). Claimed in a transaction of its own, committed before WeChat is called, so a
 * code stays spent even when the call then fails (the client simply calls {@code wx.login} again).
 * Also the purger's {@link ExpiredRows} for the table.
 */
@ApplicationScoped
public class UsedJsCodes implements ExpiredRows {

    @PersistenceContext(unitName = "wxbind")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String appId, String code, Instant expiresAt) {
        return em.createNativeQuery("insert into wxbind_used_js_code (code_hash, expires_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, SecureTokens.sha256Hex(appId + "\0" + code)).setParameter(2, Timestamp.from(expiresAt))
                .executeUpdate() == 1;
    }

    @Override
    public String label() {
        return "used mini-program login codes";
    }

    @Override
    public int purge(EntityManager purgerEm, Instant now) {
        return purgerEm.createNativeQuery("delete from wxbind_used_js_code where expires_at < ?1").setParameter(1, Timestamp.from(now))
                .executeUpdate();
    }
}
