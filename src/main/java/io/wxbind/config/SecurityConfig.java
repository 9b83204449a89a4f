package io.wxbind.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sessions and their keys: revocation caching, cookie flags, the login-state key.
 *
 * @param stampCache    how long a node trusts what it last read of an account (stamp, enabled, groups); also how
 *                      long another node may still accept a session or token revoked elsewhere
 *                      ({@code wxbind.security-stamp.cache-seconds}, 5; 0..60, 0 = always ask)
 * @param secureCookies {@code Secure} cookies named {@code __Host-...} ({@code wxbind.cookie.secure}: true/false;
 *                      unset = whether {@code wechat.public-base-url} is https)
 * @param stateKey      the secret that signs login states and pending-login cookies ({@code wxbind.state-key}, at least
 *                      32 characters; unset = derived from {@code wechat.app-secret}); never logged
 */
public record SecurityConfig(Duration stampCache, boolean secureCookies, Optional<String> stateKey) {

    /** Shortest accepted {@code wxbind.state-key}: 32 characters, about 190 bits when random. */
    public static final int MIN_STATE_KEY_LENGTH = 32;

    /** Pure mapping from raw values; every problem goes to {@code problems}, never the key. */
    public static SecurityConfig read(Function<String, Optional<String>> source, WeChatConfig weChat, List<String> problems) {
        ConfigReader r = new ConfigReader(source, problems);
        Duration stampCache = r.duration("wxbind.security-stamp.cache-seconds", 5, 0, 60);
        boolean httpsPublicUrl = weChat.publicBaseUrl() != null && "https".equalsIgnoreCase(weChat.publicBaseUrl().getScheme());
        boolean secure = r.bool("wxbind.cookie.secure", httpsPublicUrl);
        Optional<String> stateKey = r.optional("wxbind.state-key");
        if (stateKey.isPresent() && stateKey.get().length() < MIN_STATE_KEY_LENGTH) {
            problems.add("wxbind.state-key: must be at least " + MIN_STATE_KEY_LENGTH
                    + " characters (a secret: password alias or environment variable WXBIND_STATE_KEY)");
        }
        return new SecurityConfig(stampCache, secure, stateKey);
    }

    /** Keeps the state key out of logs. */
    @Override
    public String toString() {
        return "SecurityConfig[stampCache=" + stampCache + ", secureCookies=" + secureCookies + ", stateKey="
                + (stateKey.isPresent() ? "***" : "derived") + "]";
    }
}
