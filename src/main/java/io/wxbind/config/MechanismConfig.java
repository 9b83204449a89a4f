package io.wxbind.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the mechanism acts: the values of {@code @WeChatAuthenticationMechanismDefinition} that
 * are not the app itself, each overridable by its MicroProfile Config key.
 *
 * @param protectedPaths servlet URL patterns ({@code /app/*}, {@code *.xhtml}, exact paths) where an
 *                       anonymous browser is sent to WeChat login ({@code wxbind.protected-paths});
 *                       empty = the container's security constraints decide
 * @param loginPath      explicit start of a WeChat login ({@code wxbind.path.login}, {@code /wechat/login})
 * @param bindPath       the page where an unbound WeChat user proves an account ({@code wxbind.path.bind},
 *                       {@code /wechat/bind})
 * @param callbackPath   where WeChat sends the browser back with the code ({@code wechat.callback-path},
 *                       {@code /wechat/callback})
 * @param bearerTokens   whether {@code Authorization: Bearer} requests are answered ({@code wxbind.bearer-tokens}, true)
 */
public record MechanismConfig(List<String> protectedPaths, String loginPath, String bindPath, String callbackPath,
        boolean bearerTokens) {

    /** The built-in values (no key set, nothing declared): for tests and beans built by hand. */
    public static final MechanismConfig DEFAULTS = new MechanismConfig(List.of(), "/wechat/login", "/wechat/bind",
            "/wechat/callback", true);

    /**
     * Whether {@code path} (within the application) matches one of {@link #protectedPaths()}, as a
     * servlet container matches URL patterns: exact, {@code /prefix/*} (the prefix itself too),
     * {@code *.ext}, or {@code /} for everything.
     */
    public boolean protects(String path) {
        for (String pattern : protectedPaths) {
            boolean match = pattern.equals("/") || pattern.equals(path)
                    || (pattern.endsWith("/*") && (path.equals(pattern.substring(0, pattern.length() - 2))
                            || path.startsWith(pattern.substring(0, pattern.length() - 1))))
                    || (pattern.startsWith("*.") && path.endsWith(pattern.substring(1)));
            if (match) {
                return true;
            }
        }
        return false;
    }

    /** Pure mapping from raw values; every problem goes to {@code problems}. */
    public static MechanismConfig read(Function<String, Optional<String>> source, List<String> problems) {
        ConfigReader r = new ConfigReader(source, problems);
        List<String> patterns = new ArrayList<>();
        for (String pattern : r.list("wxbind.protected-paths")) {
            urlPatternProblem(pattern).ifPresentOrElse(p -> problems.add("wxbind.protected-paths: " + p), () -> patterns.add(pattern));
        }
        String login = path(r, "wxbind.path.login", "/wechat/login");
        String bind = path(r, "wxbind.path.bind", "/wechat/bind");
        String callback = path(r, "wechat.callback-path", "/wechat/callback");
        Set<String> seen = new HashSet<>();
        for (String[] named : new String[][] {{"wxbind.path.login", login}, {"wxbind.path.bind", bind}, {"wechat.callback-path", callback}}) {
            if (named[1] != null && !seen.add(named[1])) {
                problems.add(named[0] + ": '" + named[1] + "' is already the path of another WxBind page");
            }
        }
        return new MechanismConfig(List.copyOf(patterns), login, bind, callback, r.bool("wxbind.bearer-tokens", true));
    }

    /** A path of one of our pages: absolute within the application, no dot segments, no pattern. */
    private static String path(ConfigReader r, String key, String dflt) {
        String value = r.optional(key).orElse(dflt);
        if (!value.startsWith("/") || value.length() < 2 || value.contains("*") || value.contains("?") || value.contains("#")
                || hasDotSegment(value)) {
            r.problems().add(key + ": must be a path such as " + dflt + " (starting with '/', no '..', '*', '?' or '#'), was '"
                    + value + "'");
            return null;
        }
        return value;
    }

    /**
     * Why {@code pattern} is not a servlet URL pattern (Servlet 6.0 §12.2): {@code /path/*},
     * {@code *.ext}, {@code /} or an exact path; no dot segments.
     */
    static Optional<String> urlPatternProblem(String pattern) {
        boolean prefix = pattern.startsWith("/") && pattern.endsWith("/*") && pattern.indexOf('*') == pattern.length() - 1;
        boolean extension = pattern.startsWith("*.") && pattern.length() > 2 && pattern.indexOf('/') < 0
                && pattern.lastIndexOf('*') == 0;
        boolean exact = pattern.startsWith("/") && pattern.indexOf('*') < 0;
        if (!prefix && !extension && !exact) {
            return Optional.of("'" + pattern + "' is not a servlet URL pattern (/path/*, *.ext or an exact /path)");
        }
        if (hasDotSegment(pattern) || pattern.contains("?") || pattern.contains("#")) {
            return Optional.of("'" + pattern + "' must not contain '..', '?' or '#'");
        }
        return Optional.empty();
    }

    private static boolean hasDotSegment(String path) {
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return true;
            }
        }
        return false;
    }
}
