package io.wxbind.simulator.token;

import io.wxbind.simulator.PurgeSchedule;
import io.wxbind.simulator.RandomIds;
import io.wxbind.simulator.config.SimApp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The registry of server access tokens of both kinds, and {@code cgi-bin/token} issuance
 * (protocol §4.1): each success issues a new token; the previous one keeps working for the app's
 * grace period (default 300 s) and then gives 40001. The daily quota (default 2000) gives 45009.
 * {@link #validate} is what every token-protected endpoint uses (through {@link ServerTokenGuard}).
 * Each issue is recorded in the {@link TokenLog}.
 */
public final class ServerTokens {

    /** The two isolated token kinds, with the names the control API shows. */
    public enum Kind {
        CLIENT_CREDENTIAL("client_credential"), STABLE("stable");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** A token answer ({@code errcode == 0}; {@code fresh} = newly issued) or the errcode to answer. */
    public record Issued(String accessToken, long expiresIn, boolean fresh, int errcode) {
        static Issued error(int errcode) {
            return new Issued(null, 0, false, errcode);
        }

        public boolean ok() {
            return errcode == 0;
        }
    }

    /** {@code appId} of a valid token, or the errcode: 41001, 40014, 40001 or 42001. */
    public record Check(String appId, int errcode) {
        public boolean ok() {
            return errcode == 0;
        }
    }

    private static final class Entry {
        private final String appId;
        private final Kind kind;
        private final Instant expiresAt;
        private Instant revokedAt;

        private Entry(String appId, Kind kind, Instant expiresAt) {
            this.appId = appId;
            this.kind = kind;
            this.expiresAt = expiresAt;
        }
    }

    private final Clock clock;
    private final TokenLog log;
    private final DailyQuota quota;
    private final Map<String, Entry> tokens = new HashMap<>();
    private final PurgeSchedule purge = new PurgeSchedule();
    private final Map<String, String> currentClassic = new HashMap<>();

    public ServerTokens(Clock clock, TokenLog log) {
        this.clock = clock;
        this.log = log;
        this.quota = new DailyQuota(clock);
    }

    public synchronized Issued issueClientCredential(SimApp app) {
        if (!quota.tryAcquire(app.appId(), app.tokenDailyQuota())) {
            return Issued.error(45009);
        }
        Instant now = clock.instant();
        String previous = currentClassic.get(app.appId());
        if (previous != null) {
            revoke(previous, now.plusSeconds(app.tokenGraceSeconds()));
        }
        String token = register(app.appId(), Kind.CLIENT_CREDENTIAL, now.plusSeconds(app.tokenExpiresIn()));
        currentClassic.put(app.appId(), token);
        log.record(new TokenLog.Entry(app.appId(), Kind.CLIENT_CREDENTIAL, now, app.tokenExpiresIn(), false, true));
        return new Issued(token, app.tokenExpiresIn(), true, 0);
    }

    /** Adds a token; also used by {@link StableTokens}. */
    synchronized String register(String appId, Kind kind, Instant expiresAt) {
        Instant now = clock.instant();
        if (purge.due(now)) {
            tokens.values().removeIf(e -> e.expiresAt.plus(Duration.ofDays(1)).isBefore(now));
        }
        String token;
        do {
            token = RandomIds.urlSafe(96);
        } while (tokens.containsKey(token));
        tokens.put(token, new Entry(appId, kind, expiresAt));
        return token;
    }

    /** The token stops working at {@code at} (unless already revoked earlier). */
    synchronized void revoke(String token, Instant at) {
        Entry entry = tokens.get(token);
        if (entry != null && (entry.revokedAt == null || at.isBefore(entry.revokedAt))) {
            entry.revokedAt = at;
        }
    }

    public synchronized Check validate(String token) {
        if (token == null || token.isEmpty()) {
            return new Check(null, 41001);
        }
        Entry entry = tokens.get(token);
        if (entry == null) {
            return new Check(null, 40014);
        }
        Instant now = clock.instant();
        boolean revoked = entry.revokedAt != null && !now.isBefore(entry.revokedAt);
        boolean expired = !now.isBefore(entry.expiresAt);
        if (revoked && (!expired || entry.revokedAt.isBefore(entry.expiresAt))) {
            return new Check(null, 40001);
        }
        return expired ? new Check(null, 42001) : new Check(entry.appId, 0);
    }

    /** The app a known token (valid or not) belongs to; null when unknown. */
    public synchronized String appIdOf(String token) {
        Entry entry = token == null ? null : tokens.get(token);
        return entry == null ? null : entry.appId;
    }

    public synchronized Kind kindOf(String token) {
        Entry entry = token == null ? null : tokens.get(token);
        return entry == null ? null : entry.kind;
    }

    public synchronized int quotaUsed(String appId) {
        return quota.used(appId);
    }

    public synchronized void reset() {
        tokens.clear();
        currentClassic.clear();
        purge.reset();
        quota.reset();
    }
}
