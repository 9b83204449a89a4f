package io.wxbind.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Settings records for unit tests, read by the production readers from a few key/value pairs. */
public final class ConfigFixtures {

    private ConfigFixtures() {
    }

    /** e.g. {@code read(QrConfig::read, "wechat.qr.ttl-seconds", "90")}; fails on any problem. */
    public static <T> T read(BiFunction<Function<String, Optional<String>>, List<String>, T> reader, String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        List<String> problems = new ArrayList<>();
        T settings = reader.apply(k -> Optional.ofNullable(values.get(k)), problems);
        Problems.throwIfAny("test settings", problems);
        return settings;
    }

    /** The problems {@code reader} finds in the pairs, each naming its key. */
    public static List<String> problems(BiFunction<Function<String, Optional<String>>, List<String>, ?> reader, String... keyValues) {
        try {
            read(reader, keyValues);
            return List.of();
        } catch (IllegalStateException e) {
            return List.of(e.getMessage().substring(e.getMessage().indexOf("\n  - ") + 5).split("\n  - "));
        }
    }
}
