package io.wxbind.token;

import java.time.Duration;
import java.time.Instant;

/** A read-only snapshot of one app's token row. {@link #toString()} never shows the token. */
public record TokenState(String appId, String accessToken, Instant expiresAt, Instant refreshedAt, String refreshedBy,
        long refreshCount, String lastError, Instant lastErrorAt, int consecutiveFailures) {

    /** Readers stop using a token this long before WeChat would (clock skew, call duration). */
    static final Duration READER_SAFETY = Duration.ofSeconds(2);

    public boolean usableAt(Instant now) {
        return accessToken != null && expiresAt != null && now.plus(READER_SAFETY).isBefore(expiresAt);
    }

    public boolean needsRefreshAt(Instant now, Duration lead) {
        return accessToken == null || expiresAt == null || !now.plus(lead).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "TokenState[" + appId + ", expiresAt=" + expiresAt + ", refreshedBy=" + refreshedBy + ", lastError=" + lastError + "]";
    }
}
