package io.wxbind.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the official account's web login learns the unionid that {@code snsapi_base} never returns
 * (protocol §1.3, §9), so a person known through the mini program, the website or the app is the
 * same account on the official account, and the other way round ({@code wechat.unionid-lookup}).
 * Only for an official account bound to an open-platform account ({@code wechat.open-platform});
 * only for an openid that is unbound or bound without its unionid.
 *
 * @param mode {@code consent} (default): {@code cgi-bin/user/info} for followers, else one
 *             {@code snsapi_userinfo} authorization (a consent page); {@code followers}: user/info
 *             only, never a consent page; {@code off}: neither
 */
public record UnionIdConfig(Mode mode) {

    public enum Mode {
        CONSENT, FOLLOWERS, OFF;

        static Mode parse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "consent" -> CONSENT;
                case "followers" -> FOLLOWERS;
                case "off" -> OFF;
                default -> throw new IllegalArgumentException("must be 'consent', 'followers' or 'off', was '" + value + "'");
            };
        }

        /** Whether cgi-bin/user/info is asked (silently, server token). */
        public boolean asksFollowers() {
            return this != OFF;
        }
    }

    public static final UnionIdConfig DEFAULTS = new UnionIdConfig(Mode.CONSENT);

    /** Pure mapping from raw values; every problem goes to {@code problems}. */
    public static UnionIdConfig read(Function<String, Optional<String>> source, List<String> problems) {
        Mode mode = new ConfigReader(source, problems).map("wechat.unionid-lookup", "consent", Mode::parse);
        return new UnionIdConfig(mode == null ? Mode.CONSENT : mode);
    }

    @Override
    public String toString() {
        return "unionid lookup " + mode.name().toLowerCase(Locale.ROOT);
    }
}
