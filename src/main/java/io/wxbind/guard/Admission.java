package io.wxbind.guard;

import java.time.Duration;
import java.util.List;

/** What {@link GuessLimiter#admit} decided for one try. */
public sealed interface Admission {

    /** The try may be checked; one failure is reserved on each subject until {@link GuessLimiter#succeeded} or {@link GuessLimiter#unused}. */
    record Granted(List<GuessSubject> subjects) implements Admission {
    }

    /** Blocked: nothing was reserved, the proof must not be checked. */
    record Refused(LimitScope scope, Duration retryAfter) implements Admission {

        /** Whole seconds for {@code Retry-After}, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        }

        /** {@code throttled_account} or {@code throttled_address}. */
        public String reason() {
            return scope.reason();
        }

        /** "in 45 seconds", "in 3 minutes": for the person. */
        public String waitText() {
            long s = retryAfterSeconds();
            return s < 120 ? s + " seconds" : (s + 59) / 60 + " minutes";
        }
    }
}
