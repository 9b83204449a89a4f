package io.wxbind.config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reads typed config values, collecting every problem instead of failing on the first. */
record ConfigReader(Function<String, Optional<String>> source, List<String> problems) {

    Optional<String> optional(String key) {
        return source.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    String required(String key) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            problems.add(key + ": required (set it as a MicroProfile Config property or the environment variable "
                    + key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_")
                    + (LayeredSource.SECRET.matcher(key).matches() ? ")" : ", or declare it in code)"));
        }
        return v.orElse(null);
    }

    URI url(String key, String dflt) {
        return toUrl(key, optional(key).orElse(dflt));
    }

    URI toUrl(String key, String value) {
        try {
            URI u = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return u;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(key + ": not an absolute http(s) URL: '" + value + "'");
        return null;
    }

    <T> T map(String key, String dflt, Function<String, T> parser) {
        try {
            return parser.apply(optional(key).orElse(dflt));
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return null;
        }
    }

    /** A whole number within bounds, in the key's unit (ms or s from its suffix). */
    Duration duration(String key, long dflt, long min, long max) {
        long value = whole(key, dflt, min, max);
        return key.endsWith("-ms") ? Duration.ofMillis(value) : Duration.ofSeconds(value);
    }

    /** A whole number within bounds (a count, or the amount of a duration). */
    long whole(String key, long dflt, long min, long max) {
        long value = dflt;
        Optional<String> raw = optional(key);
        if (raw.isPresent()) {
            try {
                value = Long.parseLong(raw.get());
            } catch (NumberFormatException e) {
                problems.add(key + ": not a whole number: '" + raw.get() + "'");
            }
        }
        if (value < min || value > max) {
            problems.add(key + ": must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** {@code true} or {@code false}, nothing else. */
    boolean bool(String key, boolean dflt) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return dflt;
        }
        String v = raw.get().toLowerCase(java.util.Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            problems.add(key + ": must be true or false, was '" + raw.get() + "'");
            return dflt;
        }
        return v.equals("true");
    }

    /** Comma-separated values, trimmed, without empty ones; {@code dflt} (also comma-separated) when unset. */
    List<String> list(String key, String dflt) {
        return optional(key).map(ConfigReader::split).orElseGet(() -> split(dflt));
    }

    List<String> list(String key) {
        return optional(key).map(ConfigReader::split).orElse(List.of());
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
