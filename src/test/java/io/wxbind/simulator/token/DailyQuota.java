package io.wxbind.simulator.token;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-app daily call counters. The day turns at midnight Beijing time, when WeChat's daily
 * quotas reset.
 */
public final class DailyQuota {

    public static final ZoneId WECHAT_ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;
    private final Map<String, Integer> used = new HashMap<>();
    private LocalDate day;

    public DailyQuota(Clock clock) {
        this.clock = clock;
    }

    /** Counts one call and returns true, or returns false (counting nothing) when at the limit. */
    public synchronized boolean tryAcquire(String key, int limit) {
        rollOver();
        int count = used.getOrDefault(key, 0);
        if (count >= limit) {
            return false;
        }
        used.put(key, count + 1);
        return true;
    }

    public synchronized int used(String key) {
        rollOver();
        return used.getOrDefault(key, 0);
    }

    public synchronized void reset() {
        used.clear();
    }

    private void rollOver() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), WECHAT_ZONE);
        if (!today.equals(day)) {
            used.clear();
            day = today;
        }
    }
}
