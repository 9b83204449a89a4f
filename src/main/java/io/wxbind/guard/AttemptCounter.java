package io.wxbind.guard;

import io.wxbind.config.GuessConfig;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The failures of one {@link GuessSubject}. A try is counted when it is let through
 * ({@link #reserve}), before the proof is checked, so parallel tries cannot all slip under the
 * limit; a try that turns out right, or is never checked, is handed back ({@link #refund}).
 * From {@code max} failures on, every counted try blocks the subject for a back-off that doubles
 * per further failure; handing the try back lifts that block. Quiet for the window after the
 * last failure or block, the row is as good as new (and the purger drops it).
 */
@Entity
@Table(name = "wxbind_attempt_limit")
@IdClass(AttemptCounter.Key.class)
@NamedQuery(name = AttemptCounter.DELETE_EXPIRED, query = "delete from AttemptCounter c where c.expiresAt <= :now")
public class AttemptCounter {

    /** For the purger: parameter {@code now}. */
    public static final String DELETE_EXPIRED = "AttemptCounter.deleteExpired";

    @Id
    @Column(name = "scope", length = 16)
    private String scope;

    @Id
    @Column(name = "subject_hash", length = 64)
    private String subjectHash;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected AttemptCounter() {
    }

    /** The primary key: scope and subject hash. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String scope;
        private String subjectHash;

        public Key() {
        }

        Key(String scope, String subjectHash) {
            this.scope = scope;
            this.subjectHash = subjectHash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.scope.equals(scope) && k.subjectHash.equals(subjectHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, subjectHash);
        }
    }

    /** How long the subject is still blocked, if it is. */
    Optional<Duration> blockedAt(Instant now) {
        if (isForgottenAt(now) || blockedUntil == null || !now.isBefore(blockedUntil)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, blockedUntil));
    }

    /** Counts one try as a failure in advance; from {@code max} on, blocks as if it failed. */
    void reserve(Instant now, int max, GuessConfig config) {
        if (isForgottenAt(now)) {
            failures = 0;
            windowStart = now;
            blockedUntil = null;
        }
        failures++;
        if (failures >= max) {
            blockedUntil = now.plus(config.backoff(failures - max));
        }
        expiresAt = (blockedUntil != null ? blockedUntil : now).plus(config.window());
    }

    /**
     * Hands back one reserved try (it was right, or never checked) and lifts the block. A block
     * is only ever set by a reservation; while it stands nothing else is let through, so it is
     * this try's own (or one that assumed this try would fail): without this try the failures
     * no longer earn it.
     */
    void refund() {
        failures = Math.max(0, failures - 1);
        blockedUntil = null;
    }

    /** A right proof for the account: start counting again. */
    void reset(Instant now) {
        failures = 0;
        blockedUntil = null;
        windowStart = now;
        expiresAt = now;
    }

    int failures() {
        return failures;
    }

    private boolean isForgottenAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
