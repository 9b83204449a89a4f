package io.wxbind.simulator.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A partial update of {@link TokenSettings} sent to the control API: a null field keeps its
 * value, an empty {@code ipAllowList} clears the whitelist. {@link #problems()} names every bad
 * value at once, so a test sees all its mistakes in one 400. A daily quota of 0 is allowed: every
 * {@code cgi-bin/token} call then gets 45009, which is how a test simulates an exhausted quota.
 */
public record TokenSettingsPatch(Integer expiresIn, Integer graceSeconds, Integer dailyQuota, String ipAllowList) {

    public static final int MAX_SECONDS = 86_400;
    public static final int MAX_DAILY_QUOTA = 100_000_000;

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (expiresIn != null && (expiresIn < 1 || expiresIn > MAX_SECONDS)) {
            problems.add("expiresIn must be 1.." + MAX_SECONDS + " seconds");
        }
        if (graceSeconds != null && (graceSeconds < 0 || graceSeconds > MAX_SECONDS)) {
            problems.add("graceSeconds must be 0.." + MAX_SECONDS + " seconds");
        }
        if (dailyQuota != null && (dailyQuota < 0 || dailyQuota > MAX_DAILY_QUOTA)) {
            problems.add("dailyQuota must be 0.." + MAX_DAILY_QUOTA);
        }
        if (ipAllowList != null) {
            try {
                IpAllowList.parse(ipAllowList);
            } catch (IllegalArgumentException e) {
                problems.add("ipAllowList: " + e.getMessage() + " (IPs or CIDR ranges, comma-separated; \"\" clears)");
            }
        }
        return problems;
    }

    /** {@code current} with this patch's fields applied; call only when {@link #problems()} is empty. */
    public TokenSettings applyTo(TokenSettings current) {
        if (!problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems()));
        }
        return new TokenSettings(
                expiresIn != null ? expiresIn : current.expiresIn(),
                graceSeconds != null ? graceSeconds : current.graceSeconds(),
                dailyQuota != null ? dailyQuota : current.dailyQuota(),
                ipAllowList != null ? IpAllowList.parse(ipAllowList) : current.ipAllowList());
    }
}
