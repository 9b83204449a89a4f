package io.wxbind.simulator.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.PushMode;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimConfig;
import io.wxbind.simulator.config.SimDefaults;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PushTargetsTest {

    private final SimApp official = SimConfig.defaults().app(SimDefaults.OFFICIAL_APP_ID).orElseThrow();
    private final PushTargets targets = new PushTargets();

    @Test
    void targetWhenNoUrlConfiguredThenAppBesideTheSimulatorInCompatibleMode() {
        PushTarget target = targets.target(official, 18080);
        assertEquals("http://localhost:18080/wxbind/wechat/push/" + SimDefaults.OFFICIAL_APP_ID, target.url());
        assertEquals("default", target.source());
        assertEquals(PushMode.COMPATIBLE, target.mode(), "an AES key is configured");
        assertEquals(Duration.ofSeconds(5), target.timeout());
        SimApp plain = SimApp.of("wxplain", "s", AppType.OFFICIAL, "P", null).withPush("tok", null);
        assertEquals(PushMode.PLAIN, targets.target(plain, 1).mode());
    }

    @Test
    void updateWhenPartialThenMergedAndRestoreOrResetGoesBack() {
        targets.update(official, new PushTargets.Patch("http://127.0.0.1:9/node-b/push", null, null), 1);
        targets.update(official, new PushTargets.Patch(null, "aes", 250), 1);
        PushTarget target = targets.target(official, 1);
        assertEquals("http://127.0.0.1:9/node-b/push", target.url());
        assertEquals("override", target.source());
        assertEquals(PushMode.AES, target.mode());
        assertEquals(Duration.ofMillis(250), target.timeout());
        assertEquals("default", targets.update(official, new PushTargets.Patch("", null, null), 1).source());
        assertEquals(PushMode.AES, targets.target(official, 1).mode(), "other fields stay overridden");
        targets.restore(official.appId());
        assertEquals(PushMode.COMPATIBLE, targets.target(official, 1).mode());
        targets.update(official, new PushTargets.Patch(null, "plain", null), 1);
        targets.reset();
        assertEquals(PushMode.COMPATIBLE, targets.target(official, 1).mode());
    }

    @Test
    void problemsWhenBadValuesThenAllNamedAndNothingChanges() {
        SimApp noKey = SimApp.of("wxplain", "s", AppType.OFFICIAL, "P", null).withPush("tok", null);
        PushTargets.Patch bad = new PushTargets.Patch("ftp://x/y", "secret", 99);
        assertEquals(3, bad.problems(official).size(), bad.problems(official).toString());
        assertTrue(new PushTargets.Patch(null, "aes", null).problems(noKey).get(0).contains("AES key"));
        assertTrue(new PushTargets.Patch("http://h/p#frag", null, null).problems(official).get(0).contains("url"));
        assertThrows(IllegalArgumentException.class, () -> targets.update(official, bad, 1));
        assertEquals("default", targets.target(official, 1).source());
    }
}
