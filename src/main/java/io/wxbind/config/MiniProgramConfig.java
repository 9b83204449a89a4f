package io.wxbind.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Mini-program login: the secret under which each user's WeChat {@code session_key} is encrypted
 * at rest ({@code wxbind.miniprogram.session-key-secret}, at least 32 characters; required once a
 * mini program is configured in {@link WeChatApps}; never logged), and how many login codes (mini
 * program and mobile app) one client address may send a minute
 * ({@code wxbind.miniprogram.logins-per-address-per-minute}, 60): each costs a WeChat call, and
 * the login endpoints are anonymous.
 */
public record MiniProgramConfig(Optional<String> sessionKeySecret, long loginsPerAddressPerMinute) {

    public static final int MIN_SECRET_LENGTH = 32;
    static final String KEY = "wxbind.miniprogram.session-key-secret";

    public static MiniProgramConfig read(Function<String, Optional<String>> source, WeChatApps apps, List<String> problems) {
        ConfigReader r = new ConfigReader(source, problems);
        Optional<String> secret = r.optional(KEY);
        boolean needed = !apps.ofType(WeChatAppType.MINI_PROGRAM).isEmpty();
        if (secret.isPresent() && secret.get().length() < MIN_SECRET_LENGTH) {
            problems.add(KEY + ": must be at least " + MIN_SECRET_LENGTH
                    + " characters (a secret: password alias or environment variable WXBIND_MINIPROGRAM_SESSION_KEY_SECRET)");
        } else if (secret.isEmpty() && needed) {
            problems.add(KEY + ": required when a mini program is configured in wechat.apps (it encrypts each user's"
                    + " session_key at rest; a secret: password alias or environment variable WXBIND_MINIPROGRAM_SESSION_KEY_SECRET)");
        }
        long perAddress = r.whole("wxbind.miniprogram.logins-per-address-per-minute", 60, 1, 1_000_000);
        return new MiniProgramConfig(secret, perAddress);
    }

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
        return "MiniProgramConfig[sessionKeySecret=" + (sessionKeySecret.isPresent() ? "***" : "unset")
                + ", loginsPerAddressPerMinute=" + loginsPerAddressPerMinute + "]";
    }
}
