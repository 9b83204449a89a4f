package io.wxbind.guard;

import io.wxbind.db.WxBindData;
import io.wxbind.config.GuessConfig;
import io.wxbind.metrics.WxBindMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The limits on guessing passwords and codes, counted in PostgreSQL so that every node counts
 * the same tries. The caller asks before it checks a proof:
 *
 * <pre>
 *  1. admit(account, address)   rows locked (in one order: no deadlock), a failure reserved on each,
 *                               or Refused(scope, wait) with nothing reserved: do not check the proof
 *  2. check the proof           (no lock held meanwhile)
 *  3. wrong: nothing to do      (already counted)
 *     right: succeeded(granted) the account starts again, the address gets its try back
 *     not checked: unused(granted)  every subject gets its try back
 * </pre>
 */
@ApplicationScoped
@Transactional
public class GuessLimiter {

    @Inject
    @WxBindData
    EntityManager em;

    @Inject
    GuessConfig config;

    @Inject
    Clock clock;

    /** Reserves one failure on every subject, or on none if any of them is blocked (the longest wait is reported). */
    public Admission admit(List<GuessSubject> subjects) {
        Instant now = clock.instant();
        List<GuessSubject> ordered = ordered(subjects);
        List<AttemptCounter> counters = ordered.stream().map(s -> locked(s, now)).toList();
        Optional<Admission.Refused> refused = refusal(ordered, counters, now);
        if (refused.isPresent()) {
            WxBindMetrics.throttled("guess_" + refused.get().scope().name());
            return refused.get();
        }
        for (int i = 0; i < ordered.size(); i++) {
            counters.get(i).reserve(now, maxFailures(ordered.get(i).scope()), config);
        }
        return new Admission.Granted(List.copyOf(subjects));
    }

    /** Whether any subject is blocked now, without reserving (e.g. before sending an SMS code). */
    public Optional<Admission.Refused> blocked(List<GuessSubject> subjects) {
        Instant now = clock.instant();
        List<AttemptCounter> counters = subjects.stream().map(s -> em.find(AttemptCounter.class, key(s))).toList();
        Optional<Admission.Refused> refused = refusal(subjects, counters, now);
        refused.ifPresent(r -> WxBindMetrics.throttled("guess_" + r.scope().name()));
        return refused;
    }

    /** The proof was right: the account subjects start again, the address subjects get their try back. */
    public void succeeded(Admission.Granted granted) {
        Instant now = clock.instant();
        for (GuessSubject s : ordered(granted.subjects())) {
            Optional.ofNullable(em.find(AttemptCounter.class, key(s), LockModeType.PESSIMISTIC_WRITE)).ifPresent(c -> {
                if (s.scope() == LimitScope.ACCOUNT) {
                    c.reset(now);
                } else {
                    c.refund();
                }
            });
        }
    }

    /** The proof was never checked (e.g. the ticket was gone): every subject gets its try back. */
    public void unused(Admission.Granted granted) {
        for (GuessSubject s : ordered(granted.subjects())) {
            Optional.ofNullable(em.find(AttemptCounter.class, key(s), LockModeType.PESSIMISTIC_WRITE)).ifPresent(AttemptCounter::refund);
        }
    }

    private int maxFailures(LimitScope scope) {
        return scope == LimitScope.ACCOUNT ? config.accountMaxFailures() : config.addressMaxFailures();
    }

    /** Rows are always locked in this order (scope, then hash), so two tries cannot deadlock. */
    private static List<GuessSubject> ordered(List<GuessSubject> subjects) {
        return subjects.stream().sorted(Comparator.comparing(GuessSubject::scope).thenComparing(GuessSubject::hash)).toList();
    }

    /** The subject's row, created if missing (two nodes may race to create it: on conflict nothing), locked. */
    private AttemptCounter locked(GuessSubject s, Instant now) {
        em.createNativeQuery("insert into wxbind_attempt_limit (scope, subject_hash, failures, window_start, expires_at) "
                + "values (?1, ?2, 0, ?3, ?4) on conflict do nothing")
                .setParameter(1, s.scope().column()).setParameter(2, s.hash()).setParameter(3, Timestamp.from(now))
                .setParameter(4, Timestamp.from(now)).executeUpdate(); // expires at once: counted from zero when reserved
        return em.find(AttemptCounter.class, key(s), LockModeType.PESSIMISTIC_WRITE);
    }

    private static Optional<Admission.Refused> refusal(List<GuessSubject> subjects, List<AttemptCounter> counters, Instant now) {
        Admission.Refused longest = null;
        for (int i = 0; i < subjects.size(); i++) {
            Optional<Duration> wait = counters.get(i) == null ? Optional.empty() : counters.get(i).blockedAt(now);
            if (wait.isPresent() && (longest == null || wait.get().compareTo(longest.retryAfter()) > 0)) {
                longest = new Admission.Refused(subjects.get(i).scope(), wait.get());
            }
        }
        return Optional.ofNullable(longest);
    }

    private static AttemptCounter.Key key(GuessSubject s) {
        return new AttemptCounter.Key(s.scope().column(), s.hash());
    }
}
