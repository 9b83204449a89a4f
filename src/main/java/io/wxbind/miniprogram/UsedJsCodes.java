package io.wxbind.miniprogram;

import io.wxbind.db.WxBindData;
import io.wxbind.config.MiniProgramConfig;
import io.wxbind.db.ExpiredRows;
import io.wxbind.metrics.WxBindMetrics;
import io.wxbind.util.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * A login code ({@code wx.login}'s, or a mobile app SDK's) is exchanged once: the first request
 * to claim it wins, across nodes ({@code insert … on conflict do nothing}: a second insert waits
 * for the first transaction, then counts 0). Claimed in a transaction of its own, committed before
 * WeChat is called, so a code stays spent even when the call then fails (the client simply asks
 * for a new one). Each client address may claim only so many codes a minute: every claim costs a
 * WeChat call, and the endpoints are anonymous (counted in PostgreSQL, so across nodes).
 * Also the purger's {@link ExpiredRows} for the table.
 */
@ApplicationScoped
public class UsedJsCodes implements ExpiredRows {

    /** The window of the per-address limit. */
    static final Duration WINDOW = Duration.ofMinutes(1);

    /** What came of a claim. */
    public enum Claim {
        CLAIMED,
        /** Claimed before (by anyone): WeChat would answer 40163. */
        USED,
        /** This address sent too many codes in the last minute: nothing was claimed. */
        THROTTLED
    }

    @Inject
    @WxBindData
    EntityManager em;

    @Inject
    MiniProgramConfig config;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(String appId, String code, String clientKey, Instant now, Instant expiresAt) {
        Number recent = (Number) em.createNativeQuery("select count(*) from wxbind_used_js_code where client_key = ?1 and claimed_at > ?2")
                .setParameter(1, clientKey).setParameter(2, Timestamp.from(now.minus(WINDOW))).getSingleResult();
        if (recent.longValue() >= config.loginsPerAddressPerMinute()) {
            WxBindMetrics.throttled("login_codes_per_address");
            return Claim.THROTTLED;
        }
        int inserted = em.createNativeQuery("insert into wxbind_used_js_code (code_hash, expires_at, client_key, claimed_at)"
                        + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, SecureTokens.sha256Hex(appId + "\0" + code)).setParameter(2, Timestamp.from(expiresAt))
                .setParameter(3, clientKey).setParameter(4, Timestamp.from(now)).executeUpdate();
        return inserted == 1 ? Claim.CLAIMED : Claim.USED;
    }

    @Override
    public String label() {
        return "used mini-program and app login codes";
    }

    /** Rows go when their code expired, which is after the per-address window too. */
    @Override
    public int purge(EntityManager purgerEm, Instant now) {
        return purgerEm.createNativeQuery("delete from wxbind_used_js_code where expires_at < ?1").setParameter(1, Timestamp.from(now))
                .executeUpdate();
    }
}
