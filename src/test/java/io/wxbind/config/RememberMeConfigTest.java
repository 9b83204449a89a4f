package io.wxbind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RememberMeConfigTest {

    private static RememberMeConfig read(Map<String, String> values, List<String> problems) {
        return RememberMeConfig.read(key -> Optional.ofNullable(values.get(key)), problems);
    }

    @Test
    void readWhenNothingSetThenOnForFourteenDaysCachedLikeTheStamps() {
        List<String> problems = new ArrayList<>();
        RememberMeConfig c = read(Map.of(), problems);
        assertTrue(problems.isEmpty(), problems.toString());
        assertTrue(c.enabled());
        assertEquals(Duration.ofDays(14), c.maxAge());
        assertEquals(Duration.ofSeconds(5), c.cacheTime());
    }

    @Test
    void readWhenSetThenTaken() {
        List<String> problems = new ArrayList<>();
        RememberMeConfig c = read(Map.of("wxbind.remember-me.enabled", "FALSE", "wxbind.remember-me.max-age-seconds", "3600",
                "wxbind.security-stamp.cache-seconds", "0"), problems);
        assertTrue(problems.isEmpty(), problems.toString());
        assertFalse(c.enabled());
        assertEquals(Duration.ofHours(1), c.maxAge());
        assertEquals(Duration.ZERO, c.cacheTime());
    }

    @Test
    void readWhenBadThenEveryProblemNamed() {
        List<String> problems = new ArrayList<>();
        read(Map.of("wxbind.remember-me.enabled", "yes", "wxbind.remember-me.max-age-seconds", "10",
                "wxbind.security-stamp.cache-seconds", "61"), problems);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("wxbind.remember-me.enabled"), problems.get(0));
        assertTrue(problems.get(1).startsWith("wxbind.remember-me.max-age-seconds"), problems.get(1));
        assertTrue(problems.get(2).startsWith("wxbind.security-stamp.cache-seconds"), problems.get(2));
    }
}
