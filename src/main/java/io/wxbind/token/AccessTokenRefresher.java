package io.wxbind.token;

import io.wxbind.config.ServerTokenConfig;
import io.wxbind.db.ScheduledWork;
import jakarta.annotation.Resource;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The write side: a non-persistent EJB timer on every node looks at each app's token every
 * {@code wechat.token.check-interval-seconds} and refreshes it ahead of expiry. All nodes run
 * it; the row lock and the re-check inside {@link TokenRefresh} make exactly one of them call
 * WeChat per token window, and any survivor takes over when a node dies.
 */
@Singleton
@LocalBean
public class AccessTokenRefresher implements ScheduledWork {

    private static final Logger LOG = Logger.getLogger(AccessTokenRefresher.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ServerTokenConfig config;

    @Inject
    AccessTokenStore store;

    @Inject
    TokenRefresh refresh;

    @Inject
    Clock clock;

    @Override
    public void schedule() {
        if (!config.enabled() || config.apps().isEmpty()) {
            LOG.info("WeChat access-token refresher is off on this node");
            return;
        }
        long interval = config.checkInterval().toMillis();
        timers.createIntervalTimer(Math.min(1000, interval), interval, new TimerConfig("wechat-access-token", false));
        LOG.info(() -> "WeChat access-token refresher on " + config.nodeName() + " checks " + config.appList() + " every "
                + config.checkInterval().toSeconds() + " s");
    }

    /** No transaction around the tick: each refresh runs in its own, holding its row lock only. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        for (ServerTokenConfig.App app : config.appList()) {
            try {
                Instant now = clock.instant();
                boolean due = store.read(app.appId()).map(s -> s.needsRefreshAt(now, config.refreshLead(app.endpoint())))
                        .orElse(true);
                if (due) {
                    refresh.refreshIfNeeded(app, config.refreshLead(app.endpoint()), null);
                }
            } catch (RuntimeException e) {
                // e.g. the lock wait timed out because another node is refreshing: fine, next tick looks again.
                LOG.log(Level.WARNING, "WeChat access-token check for " + app.appId() + " failed: " + e.getMessage());
            }
        }
    }
}
