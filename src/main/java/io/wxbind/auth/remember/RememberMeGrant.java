package io.wxbind.auth.remember;

import java.time.Duration;
import java.time.Instant;

/**
 * One remember-me token as stored: its hash (never the token), whose login it continues, the
 * security stamp and method of that login, and its times.
 */
record RememberMeGrant(String tokenHash, String caller, String securityStamp, String loginMethod, Instant createdAt,
        Instant expiresAt, Instant lastUsedAt) {

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Whether {@code last used} is older than {@code granularity}: it is written at most that often. */
    boolean lastUsedOlderThan(Duration granularity, Instant now) {
        return lastUsedAt.plus(granularity).isBefore(now);
    }
}
