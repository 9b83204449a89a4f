package io.wxbind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiTokenConfigTest {

    private final List<String> problems = new ArrayList<>();

    private ApiTokenConfig read(Map<String, String> v) {
        return ApiTokenConfig.read(k -> Optional.ofNullable(v.get(k)), problems);
    }

    @Test
    void readWhenNothingSetThenOneHourFiveSecondCacheTwentyPerCaller() {
        ApiTokenConfig c = read(Map.of());
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(Duration.ofHours(1), c.ttl());
        assertEquals(Duration.ofSeconds(5), c.cacheTime());
        assertEquals(20, c.maxPerCaller());
    }

    @Test
    void readWhenSetThenUsedAndZeroCacheAllowed() {
        ApiTokenConfig c = read(Map.of("wxbind.api-token.ttl-seconds", "7200", "wxbind.api-token.cache-seconds", "0",
                "wxbind.api-token.max-per-caller", " 3 "));
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(Duration.ofHours(2), c.ttl());
        assertEquals(Duration.ZERO, c.cacheTime());
        assertEquals(3, c.maxPerCaller());
    }

    @Test
    void readWhenOutOfRangeOrGarbageThenEveryProblemNamed() {
        read(Map.of("wxbind.api-token.ttl-seconds", "5", "wxbind.api-token.cache-seconds", "soon",
                "wxbind.api-token.max-per-caller", "0"));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("wxbind.api-token.ttl-seconds: must be between 10 and 86400")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("wxbind.api-token.cache-seconds: not a whole number")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("wxbind.api-token.max-per-caller: must be between 1 and 1000")), problems.toString());
    }
}
