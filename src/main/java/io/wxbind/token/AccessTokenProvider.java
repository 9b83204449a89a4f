package io.wxbind.token;

import io.wxbind.config.ServerTokenConfig;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read side: the current server token of an app. Never calls WeChat itself: it reads the
 * shared row (reusing what it read for {@code wechat.token.read-cache-ms}), and when no valid
 * token exists it joins the same locked refresh as the timer and waits for it, bounded.
 */
@ApplicationScoped
public class AccessTokenProvider {

    private record Cached(TokenState state, Instant readAt) {
    }

    @Inject
    AccessTokenStore store;

    @Inject
    TokenRefresh refresh;

    @Inject
    ServerTokenConfig config;

    @Inject
    Clock clock;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** The last token WeChat rejected, per app: a slow reader must not put it back into the cache. */
    private final Map<String, String> rejected = new ConcurrentHashMap<>();

    public String get(String appId) {
        ServerTokenConfig.App app = app(appId);
        Instant now = clock.instant();
        Cached cached = cache.get(appId);
        String bad = rejected.get(appId);
        if (cached != null && cached.state().usableAt(now) && now.isBefore(cached.readAt().plus(config.readCache()))
                && !cached.state().accessToken().equals(bad)) {
            return cached.state().accessToken();
        }
        TokenState state = store.read(appId).filter(s -> s.usableAt(now))
                .orElseGet(() -> refresh.refreshIfNeeded(app, TokenState.READER_SAFETY, null));
        if (!state.usableAt(clock.instant())) {
            throw new WeChatUnavailableException("no valid WeChat access token for " + appId
                    + (state.lastError() != null ? " (" + state.lastError() + ")" : ""));
        }
        cache.put(appId, new Cached(state, now));
        return state.accessToken();
    }

    /**
     * WeChat rejected {@code badToken} (40001/40014/42001). Compare-and-set retires it once for
     * the whole cluster; only the caller that retired it refreshes. Everyone then reads anew.
     */
    public void reportInvalid(String appId, String badToken) {
        ServerTokenConfig.App app = app(appId);
        rejected.put(appId, badToken);
        cache.remove(appId);
        if (store.retire(appId, badToken, clock.instant())) {
            refresh.refreshIfNeeded(app, TokenState.READER_SAFETY, badToken);
        }
    }

    private ServerTokenConfig.App app(String appId) {
        ServerTokenConfig.App app = config.apps().get(appId);
        if (app == null) {
            throw new IllegalArgumentException("no server token is configured for app " + appId);
        }
        return app;
    }
}
