package io.wxbind.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The current server access token of one app, and what the refresher needs to remember. */
@Entity
@Table(name = "wxbind_app_token")
public class AppAccessToken {

    /** WeChat's documented cap on {@code force_refresh} (§4.2). */
    static final int FORCE_REFRESH_PER_DAY = 20;
    static final long FORCE_REFRESH_MIN_GAP_SECONDS = 30;

    @Id
    @Column(name = "app_id", length = 32)
    private String appId;

    @Column(name = "access_token", length = 1024)
    private String accessToken;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "refreshed_at")
    private Instant refreshedAt;

    @Column(name = "refreshed_by", length = 128)
    private String refreshedBy;

    @Column(name = "refresh_count", nullable = false)
    private long refreshCount;

    @Column(name = "force_refresh_day")
    private LocalDate forceRefreshDay;

    @Column(name = "force_refresh_count", nullable = false)
    private int forceRefreshCount;

    @Column(name = "last_force_at")
    private Instant lastForceAt;

    @Column(name = "last_error", length = 256)
    private String lastError;

    @Column(name = "last_error_at")
    private Instant lastErrorAt;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    protected AppAccessToken() {
    }

    public TokenState state() {
        return new TokenState(appId, accessToken, expiresAt, refreshedAt, refreshedBy, refreshCount, lastError, lastErrorAt,
                consecutiveFailures);
    }

    void refreshed(String token, Instant expires, Instant now, String node) {
        accessToken = token;
        expiresAt = expires;
        refreshedAt = now;
        refreshedBy = node;
        refreshCount++;
        lastError = null;
        lastErrorAt = null;
        consecutiveFailures = 0;
    }

    void failed(String error, Instant now) {
        lastError = error.length() > 256 ? error.substring(0, 256) : error;
        lastErrorAt = now;
        consecutiveFailures++;
    }

    /** Within WeChat's limits: at most 20 a day, at least 30 s apart. */
    boolean mayForceRefresh(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.ofHours(8)); // WeChat's quotas follow Beijing days
        int usedToday = today.equals(forceRefreshDay) ? forceRefreshCount : 0;
        return usedToday < FORCE_REFRESH_PER_DAY
                && (lastForceAt == null || !now.isBefore(lastForceAt.plusSeconds(FORCE_REFRESH_MIN_GAP_SECONDS)));
    }

    void forcedAt(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.ofHours(8));
        forceRefreshCount = today.equals(forceRefreshDay) ? forceRefreshCount + 1 : 1;
        forceRefreshDay = today;
        lastForceAt = now;
    }
}
