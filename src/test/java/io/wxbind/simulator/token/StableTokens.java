package io.wxbind.simulator.token;

import io.wxbind.simulator.config.SimApp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code cgi-bin/stable_token} semantics (protocol §4.2), isolated from {@code cgi-bin/token}.
 * Without force_refresh the same token comes back while more than the rotation lead is left;
 * after that the next call gets a new token while the old one keeps working until its own expiry,
 * so {@code expires_in} never drops below the lead. The lead is the app's grace period (300 s of
 * 7200 s on WeChat; e.g. 5 s of 20 s in refresher tests), capped at half the lifetime so a grace
 * longer than the token cannot make every call rotate. force_refresh invalidates the old token at
 * once and issues a new one, at most 20 times a day and ≥ 30 s apart; beyond that it does not
 * refresh and behaves like a normal call (WeChat's exact answer there is unverified).
 */
public final class StableTokens {

    public static final Duration FORCE_MIN_INTERVAL = Duration.ofSeconds(30);
    public static final int FORCE_PER_DAY = 20;

    private record Current(String token, Instant expiresAt) {
    }

    private final Clock clock;
    private final ServerTokens registry;
    private final TokenLog log;
    private final DailyQuota forceQuota;
    private final Map<String, Current> current = new HashMap<>();
    private final Map<String, Instant> lastForce = new HashMap<>();

    public StableTokens(Clock clock, ServerTokens registry, TokenLog log) {
        this.clock = clock;
        this.registry = registry;
        this.log = log;
        this.forceQuota = new DailyQuota(clock);
    }

    public synchronized ServerTokens.Issued get(SimApp app, boolean forceRefresh) {
        Instant now = clock.instant();
        Current cur = current.get(app.appId());
        if (cur != null && forceRefresh && forceAllowed(app.appId(), now)) {
            registry.revoke(cur.token(), now);
            cur = null;
        }
        ServerTokens.Issued issued;
        if (cur != null && registry.validate(cur.token()).ok()
                && now.isBefore(cur.expiresAt().minus(rotationLead(app)))) {
            issued = new ServerTokens.Issued(cur.token(), Duration.between(now, cur.expiresAt()).toSeconds(), false, 0);
        } else {
            Instant expiresAt = now.plusSeconds(app.tokenExpiresIn());
            String token = registry.register(app.appId(), ServerTokens.Kind.STABLE, expiresAt);
            current.put(app.appId(), new Current(token, expiresAt));
            issued = new ServerTokens.Issued(token, app.tokenExpiresIn(), true, 0);
        }
        log.record(new TokenLog.Entry(app.appId(), ServerTokens.Kind.STABLE, now, issued.expiresIn(), forceRefresh,
                issued.fresh()));
        return issued;
    }

    /** How long before expiry the token is replaced: the grace, at most half the lifetime. */
    static Duration rotationLead(SimApp app) {
        return Duration.ofSeconds(Math.min(app.tokenGraceSeconds(), app.tokenExpiresIn() / 2L));
    }

    private boolean forceAllowed(String appId, Instant now) {
        Instant last = lastForce.get(appId);
        if (last != null && now.isBefore(last.plus(FORCE_MIN_INTERVAL))) {
            return false;
        }
        if (!forceQuota.tryAcquire(appId, FORCE_PER_DAY)) {
            return false;
        }
        lastForce.put(appId, now);
        return true;
    }

    public synchronized void reset() {
        current.clear();
        lastForce.clear();
        forceQuota.reset();
    }
}
