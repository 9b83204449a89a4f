package io.wxbind.simulator.push;

import io.wxbind.simulator.config.PushMode;
import io.wxbind.simulator.config.SimApp;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each official account's push target as the simulator uses it right now: the configured
 * {@code push-url} / {@code push-mode}, with run-time overrides from
 * {@code PUT /control/apps/{appid}/push-settings} applied, so a test can switch modes or aim at
 * one cluster node. Without a configured URL pushes go to the app beside the simulator,
 * {@code http://localhost:<port>/wxbind/wechat/push/<appid>}, the port being this server's.
 */
public final class PushTargets {

    public static final int MIN_TIMEOUT_MS = 100;
    public static final int MAX_TIMEOUT_MS = (int) PushTarget.WECHAT_TIMEOUT.toMillis();

    /**
     * A partial change: null keeps a field; {@code url} "" goes back to the configured (or default)
     * URL. {@code timeoutMs} shortens WeChat's 5 s wait so retry tests run fast.
     */
    public record Patch(String url, String mode, Integer timeoutMs) {

        public List<String> problems(SimApp app) {
            List<String> problems = new ArrayList<>();
            if (url != null && !url.isEmpty() && !isHttpUrl(url)) {
                problems.add("url must be an absolute http(s) URL without a fragment");
            }
            PushMode parsed = mode == null ? null : PushMode.fromKey(mode).orElse(null);
            if (mode != null && parsed == null) {
                problems.add("mode must be plain, compatible or aes");
            }
            if (parsed != null && parsed.encrypted() && (app.aesKey() == null || app.aesKey().isEmpty())) {
                problems.add("mode " + mode + " needs an AES key, and app " + app.appId() + " has none configured");
            }
            if (timeoutMs != null && (timeoutMs < MIN_TIMEOUT_MS || timeoutMs > MAX_TIMEOUT_MS)) {
                problems.add("timeoutMs must be " + MIN_TIMEOUT_MS + ".." + MAX_TIMEOUT_MS);
            }
            return problems;
        }
    }

    private record Override(String url, PushMode mode, Integer timeoutMs) {
    }

    private final Map<String, Override> overrides = new HashMap<>();

    public static String defaultUrl(String appId, int localPort) {
        return "http://localhost:" + localPort + "/wxbind/wechat/push/" + appId;
    }

    public synchronized PushTarget target(SimApp app, int localPort) {
        Override o = overrides.getOrDefault(app.appId(), new Override(null, null, null));
        String url;
        String source;
        if (o.url() != null) {
            url = o.url();
            source = "override";
        } else if (app.pushUrl() != null) {
            url = app.pushUrl();
            source = "config";
        } else {
            url = defaultUrl(app.appId(), localPort);
            source = "default";
        }
        PushMode mode = o.mode() != null ? o.mode() : app.effectivePushMode();
        Duration timeout = o.timeoutMs() != null ? Duration.ofMillis(o.timeoutMs()) : PushTarget.WECHAT_TIMEOUT;
        return new PushTarget(url, mode, app.token(), app.aesKey(), app.appId(), timeout, source);
    }

    /** Applies {@code patch} (check {@link Patch#problems} first) and returns the new target. */
    public synchronized PushTarget update(SimApp app, Patch patch, int localPort) {
        List<String> problems = patch.problems(app);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Override o = overrides.getOrDefault(app.appId(), new Override(null, null, null));
        String url = patch.url() == null ? o.url() : patch.url().isEmpty() ? null : patch.url();
        PushMode mode = patch.mode() == null ? o.mode() : PushMode.fromKey(patch.mode()).orElseThrow();
        Integer timeout = patch.timeoutMs() == null ? o.timeoutMs() : patch.timeoutMs();
        overrides.put(app.appId(), new Override(url, mode, timeout));
        return target(app, localPort);
    }

    public synchronized void restore(String appId) {
        overrides.remove(appId);
    }

    public synchronized void reset() {
        overrides.clear();
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getHost() != null && uri.getRawFragment() == null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }
}
