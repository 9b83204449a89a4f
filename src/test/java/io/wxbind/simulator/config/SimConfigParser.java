package io.wxbind.simulator.config;

import io.wxbind.simulator.people.SimPerson;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns the properties file into a {@link SimConfig}. Keys: {@code app.<appid>.<field>},
 * {@code person.<id>.<field>}, {@code secret}. App push fields: {@code token}, {@code aes-key},
 * {@code push-url}, {@code push-mode} (plain|compatible|aes), {@code original-id} ({@code gh_...}).
 * A section the file leaves out (no app keys, no person keys, no secret) falls back to the
 * built-in defaults. Unknown keys are errors, so typos
 * surface at deployment instead of as puzzling behaviour.
 */
final class SimConfigParser {

    private static final Set<String> APP_FIELDS = Set.of("secret", "type", "name", "open-platform",
            "oauth-domain", "token", "aes-key", "push-url", "token-expires-in", "token-grace-seconds",
            "token-daily-quota", "ip-allow-list", "push-mode", "original-id");
    private static final Set<String> PERSON_FIELDS = Set.of("nickname", "avatar-url", "snapshot");
    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}");
    private static final Pattern PUSH_TOKEN = Pattern.compile("[A-Za-z0-9]{3,32}");
    private static final Pattern AES_KEY = Pattern.compile("[A-Za-z0-9]{43}");
    private static final Pattern ORIGINAL_ID = Pattern.compile("gh_[0-9a-f]{12}");

    private final List<String> problems = new ArrayList<>();

    private SimConfigParser() {
    }

    static SimConfig parse(Properties properties, String source) {
        return new SimConfigParser().build(properties, source);
    }

    private SimConfig build(Properties properties, String source) {
        Map<String, Map<String, String>> apps = new TreeMap<>();
        Map<String, Map<String, String>> people = new TreeMap<>();
        String secret = null;
        for (Map.Entry<String, String> entry : toMap(properties).entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue().trim();
            if (key.equals("secret")) {
                secret = value;
            } else if (!group(key, "app.", APP_FIELDS, value, apps)
                    && !group(key, "person.", PERSON_FIELDS, value, people)) {
                problems.add("unknown key '" + key + "'");
            }
        }
        List<SimApp> appList = new ArrayList<>();
        apps.forEach((id, fields) -> appList.add(app(id, fields)));
        List<SimPerson> personList = new ArrayList<>();
        people.forEach((id, fields) -> personList.add(person(id, fields)));
        if (secret != null && secret.isEmpty()) {
            problems.add("secret must not be empty");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("WeChat simulator config (" + source + ") is invalid:\n - "
                    + String.join("\n - ", problems));
        }
        return new SimConfig(appList.isEmpty() ? SimDefaults.apps() : appList,
                personList.isEmpty() ? SimDefaults.people() : personList,
                secret == null ? SimDefaults.ID_SECRET : secret, source);
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return map;
    }

    private boolean group(String key, String prefix, Set<String> fields, String value,
            Map<String, Map<String, String>> into) {
        if (!key.startsWith(prefix)) {
            return false;
        }
        String rest = key.substring(prefix.length());
        int dot = rest.indexOf('.');
        if (dot <= 0 || !fields.contains(rest.substring(dot + 1))) {
            return false;
        }
        into.computeIfAbsent(rest.substring(0, dot), k -> new TreeMap<>()).put(rest.substring(dot + 1), value);
        return true;
    }

    private SimApp app(String appId, Map<String, String> f) {
        String where = "app." + appId;
        if (!APP_ID.matcher(appId).matches()) {
            problems.add(where + ": appid must match " + APP_ID.pattern());
        }
        String secret = f.get("secret");
        if (secret == null || secret.isEmpty()) {
            problems.add(where + ".secret is required");
        }
        AppType type = AppType.fromKey(f.getOrDefault("type", "official")).orElse(null);
        if (type == null) {
            problems.add(where + ".type must be official, miniprogram, website or mobile");
            type = AppType.OFFICIAL;
        }
        check(f.get("oauth-domain"), HOST, where + ".oauth-domain must be a bare host name");
        check(f.get("token"), PUSH_TOKEN, where + ".token must be 3-32 letters or digits");
        check(f.get("aes-key"), AES_KEY, where + ".aes-key must be 43 letters or digits");
        String pushUrl = blankToNull(f.get("push-url"));
        if (pushUrl != null && !isHttpUrl(pushUrl)) {
            problems.add(where + ".push-url must be an absolute http(s) URL");
        }
        check(f.get("original-id"), ORIGINAL_ID, where + ".original-id must be gh_ and 12 hex digits");
        PushMode pushMode = pushMode(f, where);
        IpAllowList ips = IpAllowList.none();
        try {
            ips = IpAllowList.parse(f.get("ip-allow-list"));
        } catch (IllegalArgumentException e) {
            problems.add(where + ".ip-allow-list: " + e.getMessage());
        }
        return new SimApp(appId, secret, type, f.getOrDefault("name", appId),
                blankToNull(f.get("open-platform")), blankToNull(f.get("oauth-domain")),
                blankToNull(f.get("token")), blankToNull(f.get("aes-key")), pushUrl,
                number(f, "token-expires-in", SimApp.DEFAULT_TOKEN_EXPIRES_IN, 1, where),
                number(f, "token-grace-seconds", SimApp.DEFAULT_TOKEN_GRACE_SECONDS, 0, where),
                number(f, "token-daily-quota", SimApp.DEFAULT_TOKEN_DAILY_QUOTA, 1, where), ips,
                pushMode, blankToNull(f.get("original-id")));
    }

    /** {@code push-mode}: plain, compatible or aes; the encrypted modes need {@code aes-key}. */
    private PushMode pushMode(Map<String, String> f, String where) {
        String raw = blankToNull(f.get("push-mode"));
        if (raw == null) {
            return null;
        }
        PushMode mode = PushMode.fromKey(raw).orElse(null);
        if (mode == null) {
            problems.add(where + ".push-mode must be plain, compatible or aes");
        } else if (mode.encrypted() && blankToNull(f.get("aes-key")) == null) {
            problems.add(where + ".push-mode " + raw + " needs " + where + ".aes-key");
        }
        return mode;
    }

    private SimPerson person(String id, Map<String, String> f) {
        String snapshot = f.getOrDefault("snapshot", "false");
        if (!snapshot.equals("true") && !snapshot.equals("false")) {
            problems.add("person." + id + ".snapshot must be true or false");
        }
        SimPerson person = SimPerson.configured(id, f.getOrDefault("nickname", id),
                blankToNull(f.get("avatar-url")), Boolean.parseBoolean(snapshot));
        person.problems().forEach(p -> problems.add("person." + id + ": " + p));
        return person;
    }

    private int number(Map<String, String> f, String field, int fallback, int min, String where) {
        String raw = f.get(field);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(where + "." + field + " must be an integer >= " + min);
        return fallback;
    }

    private void check(String value, Pattern pattern, String message) {
        if (value != null && !value.isEmpty() && !pattern.matcher(value).matches()) {
            problems.add(message);
        }
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
