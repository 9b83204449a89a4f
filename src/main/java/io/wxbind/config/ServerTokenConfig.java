package io.wxbind.config;

import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings of the server access-token refresher (protocol §4): which apps, which endpoint, how
 * early to refresh. Read once by {@link WxBindConfigProducer}, validated with the rest.
 *
 * @param enabled            false on a node that must never refresh (e.g. a simulator-only node)
 * @param apps               per appid: secret and endpoint, in configured order
 * @param refreshMargin      refresh this long before expiry ({@code cgi-bin/token})
 * @param stableRotationLead WeChat rotates a stable token this long before expiry (300 s)
 * @param checkInterval      how often the timer looks at every token
 * @param waitTimeout        how long a reader waits for a refresh it needs
 * @param readCache          how long a node reuses a token it read without looking again
 * @param nodeName           recorded with each refresh, for logs and health
 */
public record ServerTokenConfig(boolean enabled, Map<String, App> apps, Duration refreshMargin, Duration stableRotationLead,
        Duration checkInterval, Duration waitTimeout, Duration readCache, String nodeName) {

    /** Which WeChat endpoint issues the tokens of an app. */
    public enum Endpoint {
        /** {@code POST cgi-bin/stable_token}: same token while valid; the default. */
        STABLE,
        /** {@code GET cgi-bin/token}: every call issues a new token and retires the old one. */
        CLASSIC
    }

    /** One app whose server token is kept; the secret never appears in {@link #toString()}. */
    public record App(String appId, String secret, Endpoint endpoint) {
        @Override
        public String toString() {
            return "App[" + appId + ", " + endpoint + "]";
        }
    }

    /** How long before expiry to refresh: the margin, or inside WeChat's stable-token rotation window. */
    public Duration refreshLead(Endpoint endpoint) {
        if (endpoint == Endpoint.CLASSIC) {
            return refreshMargin;
        }
        // A stable token only changes inside WeChat's rotation window: asking earlier returns the same one.
        Duration insideRotation = stableRotationLead.minus(stableRotationLead.dividedBy(5));
        return refreshMargin.compareTo(insideRotation) < 0 ? refreshMargin : insideRotation;
    }

    /**
     * Each app's secret is the registry's ({@link WeChatApps}); {@code wechat.token.<appid>.secret}, the
     * older way to give it, may repeat it but not contradict it.
     */
    static ServerTokenConfig read(Function<String, Optional<String>> source, WeChatApps registry, List<String> problems) {
        ConfigReader r = new ConfigReader(source, problems);
        boolean enabled = r.bool("wechat.token.enabled", true);
        List<String> ids = r.list("wechat.token.app-ids");
        if (ids.isEmpty() && registry.official() != null) {
            ids = List.of(registry.official().appId());
        }
        Endpoint dflt = endpoint(r, "wechat.token.endpoint", Endpoint.STABLE);
        Map<String, App> apps = new LinkedHashMap<>();
        for (String id : ids) {
            Optional<WeChatApp> app = registry.named("wechat.token.app-ids", id, EnumSet.allOf(WeChatAppType.class), problems);
            String secret = app.map(WeChatApp::secret).orElse(null);
            String key = "wechat.token." + id + ".secret";
            Optional<String> own = r.optional(key);
            if (own.isPresent() && secret != null && !WeChatApps.sameSecret(own.get(), secret)) {
                problems.add(key + ": differs from the app's secret in " + registry.secretKey(id)
                        + "; one app has one secret, so remove " + key);
            }
            apps.put(id, new App(id, secret, endpoint(r, "wechat.token." + id + ".endpoint", dflt)));
        }
        return new ServerTokenConfig(enabled, Map.copyOf(apps),
                r.duration("wechat.token.refresh-margin-seconds", 600, 1, 7000),
                r.duration("wechat.token.stable-rotation-lead-seconds", 300, 2, 3600),
                r.duration("wechat.token.check-interval-seconds", 30, 1, 3600),
                r.duration("wechat.token.wait-seconds", 10, 1, 120),
                r.duration("wechat.token.read-cache-ms", 1000, 0, 60_000),
                NodeConfig.nodeName(r));
    }

    /** Apps sorted by appid, for stable logs and health output. */
    public List<App> appList() {
        return apps.values().stream().sorted(Comparator.comparing(App::appId)).toList();
    }

    /** A bad value is recorded as a problem; STABLE stands in so the other keys are still checked. */
    private static Endpoint endpoint(ConfigReader r, String key, Endpoint dflt) {
        Endpoint parsed = r.map(key, dflt.name(), v -> switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "stable", "stable_token" -> Endpoint.STABLE;
            case "classic", "token" -> Endpoint.CLASSIC;
            default -> throw new IllegalArgumentException("must be 'stable' or 'classic', was '" + v + "'");
        });
        return parsed != null ? parsed : Endpoint.STABLE;
    }
}
