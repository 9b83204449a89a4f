package io.wxbind.simulator.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts calls per path (relative to the simulator root) and per appid, so tests can assert how
 * often the app under test really called WeChat (e.g. one token fetch for many requests).
 * Distinct paths are capped so a fuzzer cannot grow the map without bound.
 */
public final class CallCounter {

    static final int MAX_PATHS = 1000;
    static final String OTHER_PATHS = "(other)";

    /** Calls to one path: the total and the part that named an appid. */
    public record Count(long total, Map<String, Long> byAppId) {
        static final Count ZERO = new Count(0, Map.of());
    }

    private final Map<String, Long> totals = new TreeMap<>();
    private final Map<String, Map<String, Long>> byAppId = new TreeMap<>();

    public synchronized void record(String path, String appId) {
        String key = totals.containsKey(path) || totals.size() < MAX_PATHS ? path : OTHER_PATHS;
        totals.merge(key, 1L, Long::sum);
        if (appId != null && !appId.isEmpty()) {
            String app = appId.length() > 64 ? appId.substring(0, 64) : appId;
            byAppId.computeIfAbsent(key, k -> new TreeMap<>()).merge(app, 1L, Long::sum);
        }
    }

    public synchronized Count of(String path) {
        Long total = totals.get(path);
        return total == null ? Count.ZERO : new Count(total, Map.copyOf(byAppId.getOrDefault(path, Map.of())));
    }

    public synchronized Map<String, Count> all() {
        Map<String, Count> all = new LinkedHashMap<>();
        totals.keySet().forEach(path -> all.put(path, of(path)));
        return all;
    }

    public synchronized void reset() {
        totals.clear();
        byAppId.clear();
    }
}
