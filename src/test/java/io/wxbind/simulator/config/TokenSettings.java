package io.wxbind.simulator.config;

/**
 * The server-token knobs of one app (protocol §4.1–§4.3): token lifetime in seconds, the grace
 * during which a superseded {@code cgi-bin/token} still works (also the lead by which
 * {@code stable_token} rotates before expiry), the {@code cgi-bin/token} daily quota and the API IP
 * whitelist. Tests change them at run time to scale WeChat's 7200 s / 300 s down to seconds.
 */
public record TokenSettings(int expiresIn, int graceSeconds, int dailyQuota, IpAllowList ipAllowList) {

    public static TokenSettings of(SimApp app) {
        return new TokenSettings(app.tokenExpiresIn(), app.tokenGraceSeconds(), app.tokenDailyQuota(),
                app.ipAllowList());
    }

    /** The whitelist as the control API reads and writes it: entries joined by commas. */
    public String ipAllowListText() {
        return String.join(",", ipAllowList.entries());
    }
}
