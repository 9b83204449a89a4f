package io.wxbind.token;

import io.wxbind.config.ServerTokenConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: per app, whether a valid server token is held, until when, who refreshed it and
 * the last refresh error. Never the token. DOWN while any configured app has no valid token.
 */
@Readiness
@ApplicationScoped
public class AccessTokenReadiness implements HealthCheck {

    @Inject
    ServerTokenConfig config;

    @Inject
    AccessTokenStore store;

    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("wechat-access-tokens");
        Instant now = clock.instant();
        boolean allValid = true;
        for (ServerTokenConfig.App app : config.appList()) {
            TokenState s = store.read(app.appId()).orElse(null);
            boolean valid = s != null && s.usableAt(now);
            allValid &= valid;
            String p = app.appId() + ".";
            b.withData(p + "valid", valid);
            b.withData(p + "endpoint", app.endpoint().name().toLowerCase(java.util.Locale.ROOT));
            if (s != null && s.expiresAt() != null) {
                b.withData(p + "expiresAt", s.expiresAt().toString());
                b.withData(p + "refreshedBy", String.valueOf(s.refreshedBy()));
            }
            if (s != null && s.lastError() != null) {
                b.withData(p + "lastError", s.lastError());
                b.withData(p + "lastErrorAt", s.lastErrorAt().toString());
            }
        }
        return b.status(allValid || !config.enabled()).build();
    }
}
