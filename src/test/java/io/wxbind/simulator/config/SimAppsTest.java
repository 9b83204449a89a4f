package io.wxbind.simulator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimAppsTest {

    private static final String OFFICIAL = SimDefaults.OFFICIAL_APP_ID;
    private final SimApps apps = new SimApps(SimConfig.defaults());

    @Test
    void updateWhenPartialThenOnlyGivenFieldsChangeAndAppSeesThem() {
        TokenSettings updated = apps.update(OFFICIAL, new TokenSettingsPatch(20, 5, null, null)).orElseThrow();
        assertEquals(new TokenSettings(20, 5, 2000, updated.ipAllowList()), updated);
        SimApp app = apps.app(OFFICIAL).orElseThrow();
        assertEquals(List.of(20, 5, 2000), List.of(app.tokenExpiresIn(), app.tokenGraceSeconds(), app.tokenDailyQuota()));
        assertTrue(app.secretMatches("5e1f0c3a9b7d4e2f8a6c1b3d5e7f9a0b"), "everything else stays configured");
        apps.update(OFFICIAL, new TokenSettingsPatch(null, null, 3, null));
        assertEquals(List.of(20, 5, 3), List.of(apps.app(OFFICIAL).orElseThrow().tokenExpiresIn(),
                apps.app(OFFICIAL).orElseThrow().tokenGraceSeconds(), apps.app(OFFICIAL).orElseThrow().tokenDailyQuota()));
    }

    @Test
    void updateWhenAllowListGivenThenSetAndEmptyStringClears() {
        apps.update(OFFICIAL, new TokenSettingsPatch(null, null, null, "127.0.0.2/32, 10.0.0.0/8"));
        assertFalse(apps.app(OFFICIAL).orElseThrow().ipAllowList().allows("127.0.0.1"));
        assertEquals("127.0.0.2/32,10.0.0.0/8", TokenSettings.of(apps.app(OFFICIAL).orElseThrow()).ipAllowListText());
        apps.update(OFFICIAL, new TokenSettingsPatch(null, null, null, ""));
        assertTrue(apps.app(OFFICIAL).orElseThrow().ipAllowList().isEmpty());
    }

    @Test
    void restoreAndResetWhenOverriddenThenConfiguredValuesBack() {
        SimApp configured = SimConfig.defaults().app(OFFICIAL).orElseThrow();
        apps.update(OFFICIAL, new TokenSettingsPatch(20, 5, 1, "127.0.0.2"));
        assertEquals(TokenSettings.of(configured), apps.restore(OFFICIAL).orElseThrow());
        assertEquals(TokenSettings.of(configured), TokenSettings.of(apps.app(OFFICIAL).orElseThrow()));
        apps.update(OFFICIAL, new TokenSettingsPatch(20, null, null, null));
        apps.reset();
        assertEquals(7200, apps.app(OFFICIAL).orElseThrow().tokenExpiresIn());
    }

    @Test
    void updateWhenUnknownAppThenEmptyAndBadPatchRejected() {
        assertTrue(apps.update("wxnope", new TokenSettingsPatch(20, null, null, null)).isEmpty());
        assertTrue(apps.restore("wxnope").isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> apps.update(OFFICIAL, new TokenSettingsPatch(0, null, null, null)));
        assertEquals(7200, apps.app(OFFICIAL).orElseThrow().tokenExpiresIn(), "a rejected patch changes nothing");
    }
}
