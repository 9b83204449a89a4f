package io.wxbind.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.regex.Pattern;

/**
 * The values of a {@link WeChatAuthenticationMechanismDefinition}, checked and keyed by their
 * configuration names (as its javadoc names them). Empty strings are left out, so the built-in
 * default or MicroProfile Config decides; lists are joined with commas, hence no value may
 * contain one. Pure: the extension reports {@link #problems} as one deployment error.
 */
record DefinitionSettings(Map<String, String> values, List<String> problems) {

    static final String APP_ID = "wechat.app-id";
    static final String FIRST_LOGIN = "wechat.first-login";
    static final String PROTECTED_PATHS = "wxbind.protected-paths";
    static final String LOGIN_PATH = "wxbind.path.login";
    static final String BIND_PATH = "wxbind.path.bind";
    static final String CALLBACK_PATH = "wechat.callback-path";
    static final String BEARER_TOKENS = "wxbind.bearer-tokens";
    static final String DEFAULT_GROUPS = "wechat.default-groups";
    static final String PUBLIC_BASE_URL = "wechat.public-base-url";

    private static final Pattern APP_ID_FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()+;=:@/-]*");
    private static final Pattern GROUP = Pattern.compile("[^\\s,]{1,100}");

    static DefinitionSettings of(WeChatAuthenticationMechanismDefinition d) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        put(values, APP_ID, d.appId());
        if (!d.appId().isEmpty() && !APP_ID_FORMAT.matcher(d.appId()).matches()) {
            problems.add("appId (" + APP_ID + ") must be letters, digits, '_' or '-' (an AppID such as wx1234567890abcdef), not '"
                    + d.appId() + "'");
        }
        put(values, FIRST_LOGIN, d.firstLogin().name());
        for (String p : d.protectedPaths()) {
            checkPattern(p, problems);
        }
        put(values, PROTECTED_PATHS, String.join(",", d.protectedPaths()));
        checkPath("loginPath", LOGIN_PATH, d.loginPath(), problems);
        checkPath("bindPath", BIND_PATH, d.bindPath(), problems);
        checkPath("callbackPath", CALLBACK_PATH, d.callbackPath(), problems);
        if (new HashSet<>(List.of(d.loginPath(), d.bindPath(), d.callbackPath())).size() < 3) {
            problems.add("loginPath, bindPath and callbackPath must differ, not " + d.loginPath() + ", " + d.bindPath() + ", "
                    + d.callbackPath());
        }
        put(values, LOGIN_PATH, d.loginPath());
        put(values, BIND_PATH, d.bindPath());
        put(values, CALLBACK_PATH, d.callbackPath());
        put(values, BEARER_TOKENS, Boolean.toString(d.bearerTokens()));
        for (String g : d.defaultGroups()) {
            if (!GROUP.matcher(g).matches()) {
                problems.add("defaultGroups (" + DEFAULT_GROUPS + ") must be names without blanks or commas, not '" + g + "'");
            }
        }
        put(values, DEFAULT_GROUPS, String.join(",", d.defaultGroups()));
        put(values, PUBLIC_BASE_URL, d.publicBaseUrl());
        if (!d.publicBaseUrl().isEmpty()) {
            checkBaseUrl(d.publicBaseUrl(), problems);
        }
        return new DefinitionSettings(Map.copyOf(values), List.copyOf(problems));
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (!value.isEmpty()) {
            values.put(key, value);
        }
    }

    private static void checkPath(String attribute, String key, String path, List<String> problems) {
        if (!PATH.matcher(path).matches() || path.length() < 2 || path.endsWith("/") || path.contains("//")) {
            problems.add(attribute + " (" + key + ") must be a path inside the application such as /wechat/login"
                    + " (starts with /, no query, blank, '*' or ','), not '" + path + "'");
        }
    }

    /** Servlet URL patterns: an exact path, {@code /prefix/*} or {@code /*}. */
    private static void checkPattern(String pattern, List<String> problems) {
        String base = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 1) : pattern;
        if (!PATH.matcher(base).matches() || base.contains("//")) {
            problems.add("protectedPaths (" + PROTECTED_PATHS + ") must be URL patterns such as /app/* or /orders"
                    + " (no blank, ',', query or '*' but a final /*), not '" + pattern + "'");
        }
    }

    private static void checkBaseUrl(String url, List<String> problems) {
        String problem = null;
        try {
            URI uri = new URI(url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                problem = "an absolute http(s) URL";
            } else if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                problem = "a URL without user, query or fragment";
            }
        } catch (URISyntaxException e) {
            problem = "a valid URL";
        }
        if (problem != null) {
            problems.add("publicBaseUrl (" + PUBLIC_BASE_URL + ") must be " + problem + " such as https://portal.example.com/app, not '"
                    + url + "'");
        }
    }
}
