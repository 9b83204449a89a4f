package io.wxbind.sms;

import io.wxbind.db.WxBindData;
import io.wxbind.config.SmsConfig;
import io.wxbind.util.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link SmsCodeStore} in PostgreSQL. A send takes transaction-scoped advisory locks on its
 * phone and its IP (always in that order, so two sends cannot deadlock), so the throttle check
 * and the insert are one step across the cluster. A check locks the code row, so parallel
 * guesses are counted one by one and only one of them can use a right code; a code answers
 * only to the bind ticket that asked for it.
 */
@ApplicationScoped
@Transactional
public class JpaSmsCodeStore implements SmsCodeStore {

    /** Advisory-lock namespaces (first key of {@code pg_advisory_xact_lock(int, int)}). */
    private static final int LOCK_PHONE = 0x534d5301;
    private static final int LOCK_IP = 0x534d5302;

    @Inject
    @WxBindData
    EntityManager em;

    @Inject
    SmsConfig config;

    @Inject
    Clock clock;

    @Override
    public SendResult issue(String phone, String clientIp, String codeHash, String ticketHash) {
        lock(LOCK_PHONE, phone);
        lock(LOCK_IP, clientIp);
        Instant now = clock.instant();
        Optional<SendResult.Throttled> refused = new SmsSendThrottle(config).check(em, phone, clientIp, now);
        if (refused.isPresent()) {
            return refused.get();
        }
        em.persist(new SmsSend(phone, clientIp, now));
        SmsCode pending = em.find(SmsCode.class, phone, LockModeType.PESSIMISTIC_WRITE);
        if (pending == null) {
            em.persist(new SmsCode(phone, codeHash, ticketHash, now, now.plus(config.codeTtl())));
        } else {
            pending.replace(codeHash, ticketHash, now, now.plus(config.codeTtl()));
        }
        return new SendResult.Sent(phone, config.resendInterval(), config.codeTtl());
    }

    @Override
    public CodeCheck check(String phone, String candidateHash, String ticketHash) {
        SmsCode code = em.find(SmsCode.class, phone, LockModeType.PESSIMISTIC_WRITE);
        if (code == null || !SecureTokens.constantTimeEquals(code.ticketHash(), ticketHash)) {
            return new CodeCheck(CodeCheck.Status.NONE, 0);
        }
        if (code.failedAttempts() >= config.maxAttempts()) {
            return new CodeCheck(CodeCheck.Status.BURNT, 0);
        }
        if (code.isExpiredAt(clock.instant())) {
            return new CodeCheck(CodeCheck.Status.EXPIRED, 0);
        }
        if (SecureTokens.constantTimeEquals(code.codeHash(), candidateHash)) {
            em.remove(code);
            return new CodeCheck(CodeCheck.Status.MATCHED, 0);
        }
        code.recordFailure();
        int left = config.maxAttempts() - code.failedAttempts();
        return new CodeCheck(left > 0 ? CodeCheck.Status.WRONG : CodeCheck.Status.BURNT, left);
    }

    /** Held until commit or rollback; a different key space per kind, so a phone never blocks an IP. */
    private void lock(int namespace, String key) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, hashtext(?2))) as locked")
                .setParameter(1, namespace).setParameter(2, key).getSingleResult();
    }
}
