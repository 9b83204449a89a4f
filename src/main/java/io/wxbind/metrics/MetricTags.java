package io.wxbind.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Makes tag values safe for Prometheus: lower case, {@code [a-z0-9_./-]} only, at most 64
 * characters, and at most {@link #MAX_VALUES} distinct values per tag key (the rest read
 * {@value #OTHER}), so that a bug or a hostile caller can never create unbounded series.
 * A missing value reads {@value #NONE}.
 */
final class MetricTags {

    static final String NONE = "none";
    static final String OTHER = "other";
    static final int MAX_VALUES = 64;

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9_./-]{1,64}");
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

    private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();

    /** The value to use for tag {@code key}. */
    String value(String key, String raw) {
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        String v = raw.strip().toLowerCase(Locale.ROOT);
        if (!ALLOWED.matcher(v).matches()) {
            return OTHER;
        }
        Set<String> values = seen.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
        if (values.contains(v)) {
            return v;
        }
        synchronized (values) {
            if (values.size() >= MAX_VALUES) {
                return OTHER;
            }
            values.add(v);
            return v;
        }
    }

    /** A push event's type from its class's simple name: {@code TextMessageEvent} → {@code text_message}. */
    static String pushType(String simpleName) {
        if (simpleName == null) {
            return null;
        }
        String base = simpleName.endsWith("Event") ? simpleName.substring(0, simpleName.length() - "Event".length()) : simpleName;
        return CAMEL.matcher(base).replaceAll("$1_$2");
    }
}
