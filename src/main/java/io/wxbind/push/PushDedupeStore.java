package io.wxbind.push;

import io.wxbind.db.WxBindData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The two push tables of {@code V3__push_dedupe.sql}, by native SQL: PostgreSQL's
 * {@code insert … on conflict do nothing} is an atomic "first one wins" across nodes, and a
 * second insert of the same key waits until the first transaction ends, so a WeChat retry that
 * overtakes a slow first delivery sees its outcome instead of racing it. Replies are stored
 * sealed ({@link PushReplyCipher}): they may carry a bind link's ticket or an account name.
 */
@ApplicationScoped
public class PushDedupeStore {

    @Inject
    @WxBindData
    EntityManager em;

    @Inject
    PushReplyCipher cipher;

    /** Bounds how long this transaction waits behind another delivery of the same push. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void limitLockWait(Duration wait) {
        em.createNativeQuery("set local lock_timeout = '" + Math.max(1, wait.toMillis()) + "ms'").executeUpdate();
    }

    /**
     * Records a request's (timestamp, nonce, signature). True if new, or seen before with the same
     * body (WeChat re-delivering); false if that signed query came before with another body.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean rememberRequest(String appId, long timestamp, String nonce, String signature, String bodySha256, Instant now) {
        int inserted = em.createNativeQuery("insert into wxbind_push_request (app_id, request_ts, nonce, signature, body_sha256, seen_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                .setParameter(1, appId).setParameter(2, timestamp).setParameter(3, nonce).setParameter(4, signature)
                .setParameter(5, bodySha256).setParameter(6, Timestamp.from(now)).executeUpdate();
        if (inserted == 1) {
            return true;
        }
        List<?> seen = em.createNativeQuery("select body_sha256 from wxbind_push_request where app_id = ?1 and request_ts = ?2"
                        + " and nonce = ?3 and signature = ?4")
                .setParameter(1, appId).setParameter(2, timestamp).setParameter(3, nonce).setParameter(4, signature)
                .getResultList();
        return seen.size() == 1 && bodySha256.equals(seen.get(0));
    }

    /** True for the first delivery of a message key (kept until committed or rolled back). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claimMessage(String appId, String msgKey, Instant now) {
        return em.createNativeQuery("insert into wxbind_push_message (app_id, msg_key, received_at) values (?1, ?2, ?3)"
                        + " on conflict do nothing")
                .setParameter(1, appId).setParameter(2, msgKey).setParameter(3, Timestamp.from(now)).executeUpdate() == 1;
    }

    /** The passive reply given to the first delivery, if any (and still readable, see {@link PushReplyCipher}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> storedReply(String appId, String msgKey) {
        List<?> rows = em.createNativeQuery("select reply_text from wxbind_push_message where app_id = ?1 and msg_key = ?2")
                .setParameter(1, appId).setParameter(2, msgKey).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : cipher.open(appId, msgKey, (String) rows.get(0));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void saveReply(String appId, String msgKey, String replyText) {
        em.createNativeQuery("update wxbind_push_message set reply_text = ?3 where app_id = ?1 and msg_key = ?2")
                .setParameter(1, appId).setParameter(2, msgKey).setParameter(3, cipher.seal(appId, msgKey, replyText))
                .executeUpdate();
    }

    /**
     * Drops what the window makes useless: a request whose timestamp is outside the window is
     * refused before the table is asked, and WeChat's retries end within seconds. A minute more
     * is kept for clocks of cluster nodes that disagree a little.
     *
     * @return rows deleted from both tables
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public int purge(Instant now, Duration window) {
        Instant cutoff = now.minus(window).minusSeconds(60);
        int messages = em.createNativeQuery("delete from wxbind_push_message where received_at < ?1")
                .setParameter(1, Timestamp.from(cutoff)).executeUpdate();
        int requests = em.createNativeQuery("delete from wxbind_push_request where request_ts < ?1")
                .setParameter(1, cutoff.getEpochSecond()).executeUpdate();
        return messages + requests;
    }
}
