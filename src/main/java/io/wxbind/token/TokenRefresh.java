package io.wxbind.token;

import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.config.ServerTokenConfig;
import io.wxbind.metrics.WxBindMetrics;
import io.wxbind.wechat.ServerTokenClient;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * One refresh, in its own transaction, under the app's row lock: re-check (another node may have
 * refreshed while we waited), call WeChat only if still needed, store the new token. A WeChat
 * failure is recorded on the row and the old token stays in place.
 */
@ApplicationScoped
public class TokenRefresh {

    private static final Logger LOG = Logger.getLogger(TokenRefresh.class.getName());

    @Inject
    AccessTokenStore store;

    @Inject
    ServerTokenClient wechat;

    @Inject
    ServerTokenConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> events;

    /**
     * @param lead     refresh if the token expires within this long
     * @param badToken a token WeChat rejected (40001/40014/42001), or null for a scheduled refresh
     * @return the row after the refresh (or the re-check)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public TokenState refreshIfNeeded(ServerTokenConfig.App app, Duration lead, String badToken) {
        AppAccessToken row = store.lock(app.appId(), config.waitTimeout());
        Instant now = clock.instant();
        TokenState current = row.state();
        boolean rejected = badToken != null && badToken.equals(current.accessToken());
        if (!rejected && !current.needsRefreshAt(now, lead)) {
            return current; // a node that held the lock before us already refreshed
        }
        boolean force = rejected && app.endpoint() == ServerTokenConfig.Endpoint.STABLE && row.mayForceRefresh(now);
        try {
            ServerTokenClient.ServerToken fresh = wechat.fetch(app, force);
            Instant expires = now.plusSeconds(fresh.expiresInSeconds());
            if (force) {
                row.forcedAt(now);
            }
            row.refreshed(fresh.accessToken(), expires, now, config.nodeName());
            events.fire(AuditEvent.of(AuditKind.SERVER_TOKEN_REFRESHED, null).withWeChat(app.appId(), null)
                    .withMethod(app.endpoint().name()).withReason(force ? "forced" : rejected ? "rejected" : "scheduled"));
            LOG.info(() -> "WeChat access token for " + app.appId() + " refreshed by " + config.nodeName() + " via "
                    + app.endpoint() + (force ? " (force_refresh)" : "") + (rejected ? " after WeChat rejected the old one" : "")
                    + "; expires " + expires + " (in " + fresh.expiresInSeconds() + " s)");
        } catch (WeChatApiException | WeChatUnavailableException e) {
            String error = e instanceof WeChatApiException api ? "errcode " + api.errcode() : e.getMessage();
            row.failed(error, now);
            WxBindMetrics.serverTokenFailed(app.appId(), e instanceof WeChatApiException api ? Integer.toString(api.errcode()) : "unavailable");
            LOG.warning(() -> "WeChat access token for " + app.appId() + " could not be refreshed (" + error + "); "
                    + (current.usableAt(now) ? "the current token keeps serving until " + current.expiresAt()
                            : "no valid token: calls to WeChat fail until it recovers"));
        }
        return row.state();
    }
}
