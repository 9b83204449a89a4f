package io.wxbind.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings of the remember-me login ({@code io.wxbind.auth.remember}), read once by
 * {@link WxBindConfigProducer} and validated with the rest of the configuration.
 *
 * @param enabled   whether a login also sets the remember-me cookie ({@code wxbind.remember-me.enabled},
 *                  true). Off: no token is issued and a cookie still held is refused and cleared
 * @param maxAge    lifetime of a token and its cookie from the login ({@code wxbind.remember-me.max-age-seconds},
 *                  1209600 = 14 days; 300..31536000). Not sliding: a new login gives a new one
 * @param cacheTime how long a node trusts a token row it has read without asking the database again: the
 *                  security stamp cache time ({@code wxbind.security-stamp.cache-seconds}, 5; 0..60), so a
 *                  token removed on another node (logout) ends within the same bound as a revoked session
 */
public record RememberMeConfig(boolean enabled, Duration maxAge, Duration cacheTime) {

    /** Pure mapping from raw values; every problem goes to {@code problems}. */
    public static RememberMeConfig read(Function<String, Optional<String>> source, List<String> problems) {
        ConfigReader r = new ConfigReader(source, problems);
        Boolean enabled = r.map("wxbind.remember-me.enabled", "true", RememberMeConfig::parseBoolean);
        Duration maxAge = r.duration("wxbind.remember-me.max-age-seconds", 1_209_600, 300, 31_536_000);
        Duration cache = r.duration("wxbind.security-stamp.cache-seconds", 5, 0, 60);
        return new RememberMeConfig(Boolean.TRUE.equals(enabled), maxAge, cache);
    }

    private static Boolean parseBoolean(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("must be true or false, was '" + value + "'");
        }
        return v.equals("true");
    }
}
