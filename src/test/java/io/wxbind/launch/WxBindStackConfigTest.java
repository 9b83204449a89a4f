package io.wxbind.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wxbind.config.WeChatApp;
import io.wxbind.config.WeChatAppType;
import io.wxbind.config.WxBindSettings;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimDefaults;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The stack's app config is a valid deployment whose apps are the simulator's, secrets and open platform included. */
class WxBindStackConfigTest {

    @Test
    void appConfigWhenReadByTheAppThenEveryConfiguredAppIsTheSimulatorsOwn() {
        Map<String, String> config = WxBindStack.appConfig("http://localhost:8080", Map.of());
        WxBindSettings settings = WxBindSettings.read(k -> Optional.ofNullable(config.get(k)), Map.of());
        Map<String, SimApp> simulator = SimDefaults.apps().stream().collect(Collectors.toMap(SimApp::appId, Function.identity()));
        List<String> configured = settings.apps().all().stream().map(WeChatApp::appId).toList();
        assertEquals(List.of(SimDefaults.OFFICIAL_APP_ID, SimDefaults.WEBSITE_APP_ID, SimDefaults.MINIPROGRAM_APP_ID, SimDefaults.MOBILE_APP_ID), configured);
        for (WeChatApp app : settings.apps().all()) {
            SimApp sim = simulator.get(app.appId());
            assertEquals(sim.type().key(), app.type().configName(), app.appId());
            assertEquals(sim.secret(), app.secret(), app.appId() + ": the simulator would refuse the secret (40125)");
            assertEquals(sim.openPlatform(), app.openPlatform(), app.appId());
        }
        assertEquals(WeChatAppType.OFFICIAL_ACCOUNT, settings.apps().official().type());
    }
}
