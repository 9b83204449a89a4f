package io.wxbind.config;

import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings of the event-push endpoint (protocol §6, §7): per app the Token, the EncodingAESKey
 * and the message mode WeChat was told to use, plus the freshness window and the body cap.
 * Read once by {@link WxBindConfigProducer}, validated with the rest. An app that is not listed
 * here has no push endpoint at all (its path answers 404).
 *
 * @param apps             per appid, in configured order
 * @param timestampWindow  a push whose {@code timestamp} is further from now is refused (replay)
 * @param maxBodyBytes     larger bodies are refused before parsing
 */
public record PushConfig(Map<String, App> apps, Duration timestampWindow, int maxBodyBytes) {

    /** The message mode chosen in the WeChat admin console (plaintext / compatible / safe). */
    public enum Mode {
        /** Plaintext XML only; only {@code signature} protects the request. */
        PLAIN,
        /** Plaintext and encrypted requests are both accepted (WeChat's migration mode). */
        COMPATIBLE,
        /** Only encrypted requests ({@code encrypt_type=aes}); a plaintext POST is refused. */
        AES;

        static Mode parse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "plain", "plaintext" -> PLAIN;
                case "compatible" -> COMPATIBLE;
                case "aes", "safe" -> AES;
                default -> throw new IllegalArgumentException("must be 'plain', 'compatible' or 'aes', was '" + value + "'");
            };
        }
    }

    /**
     * One app's push secrets. Token and key never appear in {@link #toString()}; the key is copied
     * on the way out so nobody can change it.
     *
     * @param aesKey the 32-byte AES key decoded from the EncodingAESKey, or null in plain mode
     */
    public record App(String appId, String token, byte[] aesKey, Mode mode) {
        @Override
        public byte[] aesKey() {
            return aesKey == null ? null : aesKey.clone();
        }

        /** Whether an encrypted ({@code encrypt_type=aes}) request is acceptable. */
        public boolean acceptsEncrypted() {
            return mode != Mode.PLAIN;
        }

        /** Whether a plaintext request is acceptable. */
        public boolean acceptsPlain() {
            return mode != Mode.AES;
        }

        @Override
        public String toString() {
            return "App[" + appId + ", " + mode + ", token=***" + (aesKey == null ? "" : ", aesKey=***") + "]";
        }
    }

    public Optional<App> app(String appId) {
        return Optional.ofNullable(appId == null ? null : apps.get(appId));
    }

    /** Apps sorted by appid, for stable logs. */
    public List<App> appList() {
        return apps.values().stream().sorted(Comparator.comparing(App::appId)).toList();
    }

    /**
     * {@link #read(Function, String, List)} for the deployment: every app in {@code wechat.push.app-ids}
     * must be an official account of the registry (pushes reach official accounts).
     */
    static PushConfig read(Function<String, Optional<String>> source, WeChatApps registry, List<String> problems) {
        for (String id : new ConfigReader(source, problems).list("wechat.push.app-ids")) {
            if (WeChatApp.isAppId(id)) { // else read below reports it
                registry.named("wechat.push.app-ids", id, EnumSet.of(WeChatAppType.OFFICIAL_ACCOUNT), problems);
            }
        }
        WeChatApp official = registry.official();
        return read(source, official == null ? null : official.appId(), problems);
    }

    /**
     * Pure mapping from raw values; every problem goes to {@code problems}, never a secret value.
     * Without {@code wechat.push.app-ids}, the main app gets an endpoint only if it has a token.
     * Checks no appid against the registry (tests and benchmarks without one).
     */
    public static PushConfig read(Function<String, Optional<String>> source, String mainAppId, List<String> problems) {
        ConfigReader r = new ConfigReader(source, problems);
        List<String> ids = r.list("wechat.push.app-ids");
        boolean explicit = !ids.isEmpty();
        if (!explicit && mainAppId != null) {
            ids = List.of(mainAppId);
        }
        Map<String, App> apps = new LinkedHashMap<>();
        for (String id : ids) {
            String prefix = "wechat.push." + id + ".";
            if (!WeChatApp.isAppId(id)) {
                problems.add("wechat.push.app-ids: '" + id + "' is not an appid (1-32 letters or digits)");
                continue;
            }
            if (!explicit && r.optional(prefix + "token").isEmpty() && r.optional(prefix + "aes-key").isEmpty()) {
                continue; // the main app simply has no push endpoint
            }
            App app = readApp(r, id, prefix, problems);
            if (app != null) {
                apps.put(id, app);
            }
        }
        Duration window = r.duration("wechat.push.timestamp-window-seconds", 300, 10, 3600);
        int maxBody = (int) wholeNumber(r, "wechat.push.max-body-bytes", 64 * 1024, 1024, 1024 * 1024);
        return new PushConfig(Map.copyOf(apps), window, maxBody);
    }

    private static App readApp(ConfigReader r, String id, String prefix, List<String> problems) {
        int before = problems.size();
        String token = r.required(prefix + "token");
        if (token != null && !token.matches("[A-Za-z0-9]{3,32}")) {
            problems.add(prefix + "token: must be 3-32 letters or digits (as in the WeChat console), has " + token.length() + " chars");
        }
        byte[] key = r.optional(prefix + "aes-key").map(k -> aesKey(prefix + "aes-key", k, problems)).orElse(null);
        Mode mode = r.map(prefix + "mode", key != null ? "aes" : "plain", Mode::parse);
        if (mode != null && mode != Mode.PLAIN && key == null && r.optional(prefix + "aes-key").isEmpty()) {
            problems.add(prefix + "aes-key: required in " + mode.name().toLowerCase(Locale.ROOT) + " mode (environment variable "
                    + envName(prefix + "aes-key") + ")");
        }
        return problems.size() == before ? new App(id, token, key, mode) : null;
    }

    /** {@code Base64(key + "=")} as the protocol says (§7.1); strict decoders reject real keys. */
    private static byte[] aesKey(String key, String value, List<String> problems) {
        if (!value.matches("[A-Za-z0-9]{43}")) {
            problems.add(key + ": must be the 43-letter EncodingAESKey from the WeChat console, has " + value.length() + " chars");
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(value + "=");
            if (bytes.length == 32) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(key + ": does not decode to a 32-byte AES key");
        return null;
    }

    private static long wholeNumber(ConfigReader r, String key, long dflt, long min, long max) {
        long value = dflt;
        Optional<String> raw = r.optional(key);
        if (raw.isPresent()) {
            try {
                value = Long.parseLong(raw.get());
            } catch (NumberFormatException e) {
                r.problems().add(key + ": not a whole number: '" + raw.get() + "'");
                return dflt;
            }
        }
        if (value < min || value > max) {
            r.problems().add(key + ": must be between " + min + " and " + max + ", was " + value);
            return dflt;
        }
        return value;
    }

    private static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
