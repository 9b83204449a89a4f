package io.wxbind.simulator.token;

import io.wxbind.simulator.config.SimApp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code cgi-bin/stable_token} semantics (protocol §4.2), isolated from {@code cgi-bin/token}:
 * without force_refresh the same token comes back while valid; in its last 5 minutes (or last
 * half, for short test lifetimes) it is rotated and old and new both work, so expires_in stays
 * ≥ 300. force_refresh invalidates the old token at once and issues a new one, at most 20 times a
 * day and ≥ 30 s apart; beyond that it does not refresh and behaves like a normal call (the exact
 * WeChat answer to a limited force refresh is unverified).
 */
public final class StableTokens {

    public static final Duration ROTATE_BEFORE = Duration.ofMinutes(5);
    public static final Duration FORCE_MIN_INTERVAL = Duration.ofSeconds(30);
    public static final int FORCE_PER_DAY = 20;

    private record Current(String token, Instant expiresAt) {
    }

    private final Clock clock;
    private final ServerTokens registry;
    private final DailyQuota forceQuota;
    private final Map<String, Current> current = new HashMap<>();
    private final Map<String, Instant> lastForce = new HashMap<>();

    public StableTokens(Clock clock, ServerTokens registry) {
        this.clock = clock;
        this.registry = registry;
        this.forceQuota = new DailyQuota(clock);
    }

    public synchronized ServerTokens.Issued get(SimApp app, boolean forceRefresh) {
        Instant now = clock.instant();
        Current cur = current.get(app.appId());
        if (cur != null && forceRefresh && forceAllowed(app.appId(), now)) {
            registry.revoke(cur.token(), now);
            cur = null;
        }
        if (cur != null && registry.validate(cur.token()).ok()
                && now.isBefore(cur.expiresAt().minus(rotateBefore(app)))) {
            return new ServerTokens.Issued(cur.token(), Duration.between(now, cur.expiresAt()).toSeconds(), 0);
        }
        Instant expiresAt = now.plusSeconds(app.tokenExpiresIn());
        String token = registry.register(app.appId(), ServerTokens.Kind.STABLE, expiresAt);
        current.put(app.appId(), new Current(token, expiresAt));
        return new ServerTokens.Issued(token, app.tokenExpiresIn(), 0);
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

    private static Duration rotateBefore(SimApp app) {
        Duration half = Duration.ofSeconds(app.tokenExpiresIn() / 2L);
        return half.compareTo(ROTATE_BEFORE) < 0 ? half : ROTATE_BEFORE;
    }

    public synchronized void reset() {
        current.clear();
        lastForce.clear();
        forceQuota.reset();
    }
}
