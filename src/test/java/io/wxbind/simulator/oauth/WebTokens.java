package io.wxbind.simulator.oauth;

import io.wxbind.simulator.PurgeSchedule;
import io.wxbind.simulator.RandomIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * User-level web access tokens (protocol §1.3/§1.4): access token 7200 s, refresh token 30 days.
 * Refresh semantics (§1.4): if the access token has expired a new one is issued, otherwise the same
 * token is returned with its expiry extended; the refresh token itself is not renewed.
 */
public final class WebTokens {

    public static final Duration ACCESS_TTL = Duration.ofSeconds(7200);
    public static final Duration REFRESH_TTL = Duration.ofDays(30);

    /** A successful lookup: the grant and the current token pair; else {@code errcode != 0}. */
    public record WebAccess(WebGrant grant, String accessToken, long expiresIn, String refreshToken, int errcode) {
        static WebAccess error(int errcode) {
            return new WebAccess(null, null, 0, null, errcode);
        }

        public boolean ok() {
            return errcode == 0;
        }
    }

    private static final class Session {
        private final WebGrant grant;
        private final String refreshToken;
        private final Instant refreshExpiresAt;
        private String accessToken;
        private Instant accessExpiresAt;

        private Session(WebGrant grant, String refreshToken, Instant refreshExpiresAt) {
            this.grant = grant;
            this.refreshToken = refreshToken;
            this.refreshExpiresAt = refreshExpiresAt;
        }
    }

    private record Access(Session session, Instant expiresAt) {
    }

    private final Clock clock;
    private final Map<String, Access> byAccessToken = new HashMap<>();
    private final Map<String, Session> byRefreshToken = new HashMap<>();
    /** Purging walks every token: once a minute, not on every issue (a load issues hundreds a second). */
    private final PurgeSchedule purgeSchedule = new PurgeSchedule();

    public WebTokens(Clock clock) {
        this.clock = clock;
    }

    public synchronized WebAccess issue(WebGrant grant) {
        Instant now = clock.instant();
        purge(now);
        Session session = new Session(grant, RandomIds.urlSafe(64), now.plus(REFRESH_TTL));
        byRefreshToken.put(session.refreshToken, session);
        newAccessToken(session, now);
        return view(session, now);
    }

    /** 41001 missing, 40014 unknown, 42001 expired. */
    public synchronized WebAccess lookup(String accessToken) {
        if (accessToken == null || accessToken.isEmpty()) {
            return WebAccess.error(41001);
        }
        Access access = byAccessToken.get(accessToken);
        if (access == null) {
            return WebAccess.error(40014);
        }
        Instant now = clock.instant();
        if (!now.isBefore(access.expiresAt)) {
            return WebAccess.error(42001);
        }
        return new WebAccess(access.session.grant, accessToken, seconds(now, access.expiresAt),
                access.session.refreshToken, 0);
    }

    /** 40030 unknown or other app's refresh token, 42002 expired refresh token. */
    public synchronized WebAccess refresh(String appId, String refreshToken) {
        Session session = refreshToken == null ? null : byRefreshToken.get(refreshToken);
        if (session == null || !session.grant.appId().equals(appId)) {
            return WebAccess.error(40030);
        }
        Instant now = clock.instant();
        if (!now.isBefore(session.refreshExpiresAt)) {
            return WebAccess.error(42002);
        }
        if (now.isBefore(session.accessExpiresAt)) {
            session.accessExpiresAt = now.plus(ACCESS_TTL);
            byAccessToken.put(session.accessToken, new Access(session, session.accessExpiresAt));
        } else {
            newAccessToken(session, now);
        }
        return view(session, now);
    }

    /** The app a (possibly expired) access token belongs to; null when unknown. */
    public synchronized String appIdOf(String accessToken) {
        Access access = accessToken == null ? null : byAccessToken.get(accessToken);
        return access == null ? null : access.session.grant.appId();
    }

    public synchronized void reset() {
        byAccessToken.clear();
        byRefreshToken.clear();
        purgeSchedule.reset();
    }

    private void newAccessToken(Session session, Instant now) {
        session.accessToken = RandomIds.urlSafe(64);
        session.accessExpiresAt = now.plus(ACCESS_TTL);
        byAccessToken.put(session.accessToken, new Access(session, session.accessExpiresAt));
    }

    private WebAccess view(Session session, Instant now) {
        return new WebAccess(session.grant, session.accessToken, seconds(now, session.accessExpiresAt),
                session.refreshToken, 0);
    }

    /** Old access tokens are kept a day past expiry (42001, not 40014); dead sessions go. */
    private void purge(Instant now) {
        if (!purgeSchedule.due(now)) {
            return;
        }
        byAccessToken.values().removeIf(a -> a.expiresAt.plus(Duration.ofDays(1)).isBefore(now));
        byRefreshToken.values().removeIf(s -> s.refreshExpiresAt.isBefore(now));
    }

    private static long seconds(Instant now, Instant until) {
        return Math.max(0, Duration.between(now, until).toSeconds());
    }
}
