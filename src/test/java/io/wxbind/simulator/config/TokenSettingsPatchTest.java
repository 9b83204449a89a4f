package io.wxbind.simulator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenSettingsPatchTest {

    private final TokenSettings configured = new TokenSettings(7200, 300, 2000, IpAllowList.none());

    @Test
    void applyToWhenEmptyPatchThenUnchanged() {
        assertEquals(configured, new TokenSettingsPatch(null, null, null, null).applyTo(configured));
    }

    @Test
    void applyToWhenBoundaryValuesThenAccepted() {
        TokenSettings edge = new TokenSettingsPatch(1, 0, 0, "::1").applyTo(configured);
        assertEquals(List.of(1, 0, 0), List.of(edge.expiresIn(), edge.graceSeconds(), edge.dailyQuota()));
        assertEquals(List.of("::1"), edge.ipAllowList().entries());
    }

    @Test
    void problemsWhenSeveralBadValuesThenAllNamed() {
        List<String> problems = new TokenSettingsPatch(0, -1, -5, "localhost").problems();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("expiresIn"));
        assertTrue(problems.get(3).contains("not an IP address"));
        assertEquals(1, new TokenSettingsPatch(TokenSettingsPatch.MAX_SECONDS + 1, null, null, null).problems().size());
    }
}
