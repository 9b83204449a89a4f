package io.wxbind.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every WeChat app of this deployment, immutable, produced by {@link WxBindConfigProducer}. The
 * official account of {@code wechat.app-id} / {@code wechat.app-secret} (web authorization) is
 * always one of them, with {@code wechat.open-platform}; {@code wechat.apps} lists further appids,
 * each with {@code wechat.app.<appid>.type}, {@code .secret} and optionally {@code .open-platform}
 * and, for a mini program or mobile app, {@code .first-login} ({@code bind} or {@code register}:
 * whether its unbound users may create an account; default {@code wechat.first-login}).
 * Settings that name an app (server tokens, push) must name one of these.
 */
public final class WeChatApps {

    private final String officialId;
    private final Map<String, WeChatApp> apps;
    /** The apps with a first-login policy of their own ({@code wechat.app.<appid>.first-login}). */
    private final Map<String, FirstLoginPolicy> firstLogin;

    private WeChatApps(String officialId, Map<String, WeChatApp> apps, Map<String, FirstLoginPolicy> firstLogin) {
        this.officialId = officialId;
        this.apps = apps;
        this.firstLogin = firstLogin;
    }

    /** Pure mapping from raw values; every problem goes to {@code problems}, never a secret value. */
    public static WeChatApps read(Function<String, Optional<String>> source, List<String> problems) {
        ConfigReader r = new ConfigReader(source, problems);
        Map<String, WeChatApp> apps = new LinkedHashMap<>();
        // Same keys and messages as WeChatConfig: a problem found by both is listed once.
        String officialId = r.required("wechat.app-id");
        WeChatApp.checkAppId("wechat.app-id", officialId, problems);
        String officialSecret = r.required("wechat.app-secret");
        String officialPlatform = r.optional("wechat.open-platform").orElse(null);
        WeChatApp.checkOpenPlatform("wechat.open-platform", officialPlatform, problems);
        if (officialId != null) {
            apps.put(officialId, new WeChatApp(officialId, WeChatAppType.OFFICIAL_ACCOUNT, officialSecret, officialPlatform));
        }
        Set<String> listed = new HashSet<>();
        Map<String, FirstLoginPolicy> firstLogin = new LinkedHashMap<>();
        for (String id : r.list("wechat.apps")) {
            if (!WeChatApp.isAppId(id)) {
                problems.add("wechat.apps: '" + id + "' is not an appid (1-32 letters or digits)");
            } else if (id.equals(officialId)) {
                problems.add("wechat.apps: names " + id + ", the official account of wechat.app-id; configure it there only");
            } else if (!listed.add(id)) {
                problems.add("wechat.apps: names " + id + " twice");
            } else {
                readApp(r, id).ifPresent(app -> {
                    apps.put(id, app);
                    readFirstLogin(r, app).ifPresent(policy -> firstLogin.put(id, policy));
                });
            }
        }
        return new WeChatApps(officialId, Collections.unmodifiableMap(apps), Collections.unmodifiableMap(firstLogin));
    }

    /** {@link #read(Function, List)} that throws with every problem listed; for tests and tools. */
    public static WeChatApps read(Function<String, Optional<String>> source) {
        List<String> problems = new ArrayList<>();
        WeChatApps apps = read(source, problems);
        Problems.throwIfAny("WeChat apps are misconfigured", problems);
        return apps;
    }

    private static Optional<WeChatApp> readApp(ConfigReader r, String id) {
        String prefix = "wechat.app." + id + ".";
        String typeName = r.required(prefix + "type");
        WeChatAppType type = null;
        if (typeName != null) {
            type = WeChatAppType.parse(typeName).orElse(null);
            if (type == null) {
                r.problems().add(prefix + "type: must be one of " + WeChatAppType.allowed() + ", was '" + typeName + "'");
            }
        }
        String secret = r.required(prefix + "secret");
        String platform = r.optional(prefix + "open-platform").orElse(null);
        WeChatApp.checkOpenPlatform(prefix + "open-platform", platform, r.problems());
        return type == null || secret == null ? Optional.empty() : Optional.of(new WeChatApp(id, type, secret, platform));
    }

    /** {@code wechat.app.<appid>.first-login}: only API clients (mini programs, mobile apps) choose; the web follows {@code wechat.first-login}. */
    private static Optional<FirstLoginPolicy> readFirstLogin(ConfigReader r, WeChatApp app) {
        String key = "wechat.app." + app.appId() + ".first-login";
        if (r.optional(key).isEmpty()) {
            return Optional.empty();
        }
        if (app.type() != WeChatAppType.MINI_PROGRAM && app.type() != WeChatAppType.MOBILE) {
            r.problems().add(key + ": only miniprogram and mobile apps have a first-login policy of their own; a "
                    + app.type() + " app follows wechat.first-login");
            return Optional.empty();
        }
        return Optional.ofNullable(r.map(key, "bind", FirstLoginPolicy::parse));
    }

    /**
     * The first-login policy of {@code appId} when it has one of its own ({@code wechat.app.<appid>.first-login});
     * empty: the deployment's {@code wechat.first-login} applies.
     */
    public Optional<FirstLoginPolicy> firstLoginOf(String appId) {
        return Optional.ofNullable(appId == null ? null : firstLogin.get(appId));
    }

    /** The official account of {@code wechat.app-id} (web authorization); never null once deployed. */
    public WeChatApp official() {
        return apps.get(officialId);
    }

    public Optional<WeChatApp> byId(String appId) {
        return Optional.ofNullable(appId == null ? null : apps.get(appId));
    }

    /**
     * The configured app {@code appId} of type {@code type}, for code that names an app it knows is
     * configured (the settings were checked at deployment); never for an appid a client sent.
     *
     * @throws IllegalArgumentException if there is no such app of that type
     */
    public WeChatApp require(String appId, WeChatAppType type) {
        return byId(appId).filter(a -> a.type() == type).orElseThrow(() -> new IllegalArgumentException(
                "app " + appId + " is not configured as " + type + " (wechat.app-id or wechat.apps)"));
    }

    /** The apps of one type, in configured order (the official account of {@code wechat.app-id} first). */
    public List<WeChatApp> ofType(WeChatAppType type) {
        return apps.values().stream().filter(a -> a.type() == type).toList();
    }

    /** Every app, in configured order. */
    public Collection<WeChatApp> all() {
        return apps.values();
    }

    /** Whether both apps are configured and bound to the same open-platform account (so share unionids). */
    public boolean sameOpenPlatform(String appIdA, String appIdB) {
        Optional<String> a = byId(appIdA).map(WeChatApp::openPlatform);
        return a.isPresent() && a.equals(byId(appIdB).map(WeChatApp::openPlatform));
    }

    /** The apps bound to the open-platform account of {@code appId}, itself included; empty if it has none. */
    public List<WeChatApp> appsInOpenPlatformOf(String appId) {
        return byId(appId).map(WeChatApp::openPlatform)
                .map(p -> apps.values().stream().filter(a -> p.equals(a.openPlatform())).toList())
                .orElse(List.of());
    }

    /**
     * The app a setting names, after recording a problem under {@code key} if it is not configured
     * or not of one of the {@code allowed} types.
     */
    Optional<WeChatApp> named(String key, String appId, Set<WeChatAppType> allowed, List<String> problems) {
        Optional<WeChatApp> app = byId(appId);
        if (app.isEmpty()) {
            problems.add(key + ": names app " + appId + ", which is not configured in wechat.app-id or wechat.apps");
        } else if (!allowed.contains(app.get().type())) {
            problems.add(key + ": names app " + appId + ", a " + app.get().type() + " app; only "
                    + allowed.stream().sorted().map(WeChatAppType::configName).collect(Collectors.joining(", ")) + " apps are allowed here");
            return Optional.empty();
        }
        return app;
    }

    /** The key that holds the secret of {@code appId}. */
    String secretKey(String appId) {
        return appId.equals(officialId) ? "wechat.app-secret" : "wechat.app." + appId + ".secret";
    }

    /** Constant-time, so that comparing two configured secrets tells nothing through timing. */
    static boolean sameSecret(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Appids with their types, no secret. */
    @Override
    public String toString() {
        return apps.values().stream().map(a -> a.appId() + " (" + a.type() + (a.hasOpenPlatform() ? ", " + a.openPlatform() : "")
                        + (firstLogin.containsKey(a.appId()) ? ", first-login " + firstLogin.get(a.appId()) : "") + ")")
                .collect(Collectors.joining(", ", "apps [", "]"));
    }

}
