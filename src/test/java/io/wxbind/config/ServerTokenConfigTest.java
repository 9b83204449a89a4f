package io.wxbind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ServerTokenConfigTest {

    private final List<String> problems = new ArrayList<>();

    /** The pairs over the official account wxMAIN (secret mainSecret), read with the registry they give. */
    private ServerTokenConfig read(Map<String, String> pairs) {
        Map<String, String> v = new HashMap<>(Map.of("wechat.app-id", "wxMAIN", "wechat.app-secret", "mainSecret"));
        v.putAll(pairs);
        Function<String, Optional<String>> source = k -> Optional.ofNullable(v.get(k));
        return ServerTokenConfig.read(source, WeChatApps.read(source, problems), problems);
    }

    @Test
    void readWhenNothingSetThenMainAppStableWithDocumentedTiming() {
        ServerTokenConfig c = read(Map.of());
        assertTrue(problems.isEmpty(), problems.toString());
        assertTrue(c.enabled());
        assertEquals(List.of("wxMAIN"), c.appList().stream().map(ServerTokenConfig.App::appId).toList());
        assertEquals(ServerTokenConfig.Endpoint.STABLE, c.apps().get("wxMAIN").endpoint());
        assertEquals("mainSecret", c.apps().get("wxMAIN").secret());
        assertEquals(Duration.ofSeconds(600), c.refreshLead(ServerTokenConfig.Endpoint.CLASSIC));
        assertEquals(Duration.ofSeconds(240), c.refreshLead(ServerTokenConfig.Endpoint.STABLE), "inside the 300 s rotation");
        assertFalse(c.apps().get("wxMAIN").toString().contains("mainSecret"));
    }

    @Test
    void readWhenSeveralAppsThenRegistrySecretsAndEndpointsPerApp() {
        Map<String, String> v = new HashMap<>();
        v.put("wechat.apps", "wxMINI");
        v.put("wechat.app.wxMINI.type", "miniprogram");
        v.put("wechat.app.wxMINI.secret", "miniSecret");
        v.put("wechat.token.app-ids", "wxMAIN, wxMINI");
        v.put("wechat.token.wxMINI.endpoint", "classic");
        v.put("wechat.token.refresh-margin-seconds", "8");
        ServerTokenConfig c = read(v);
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals("miniSecret", c.apps().get("wxMINI").secret(), "the registry's secret");
        assertEquals("mainSecret", c.apps().get("wxMAIN").secret());
        assertEquals(ServerTokenConfig.Endpoint.CLASSIC, c.apps().get("wxMINI").endpoint());
        assertEquals(Duration.ofSeconds(8), c.refreshLead(ServerTokenConfig.Endpoint.STABLE), "a small margin wins");
    }

    @Test
    void readWhenOldTokenSecretRepeatsTheRegistrysThenAccepted() {
        read(Map.of("wechat.apps", "wxMINI", "wechat.app.wxMINI.type", "miniprogram", "wechat.app.wxMINI.secret", "miniSecret",
                "wechat.token.app-ids", "wxMAIN,wxMINI", "wechat.token.wxMINI.secret", "miniSecret",
                "wechat.token.wxMAIN.secret", "mainSecret"));
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void readWhenTokenSecretContradictsTheRegistryThenProblemNamingBothKeysNotTheValues() {
        read(Map.of("wechat.apps", "wxMINI", "wechat.app.wxMINI.type", "miniprogram", "wechat.app.wxMINI.secret", "miniSecret",
                "wechat.token.app-ids", "wxMAIN,wxMINI", "wechat.token.wxMINI.secret", "otherMiniSecret",
                "wechat.token.wxMAIN.secret", "otherMainSecret"));
        assertEquals(List.of(
                "wechat.token.wxMAIN.secret: differs from the app's secret in wechat.app-secret; one app has one secret, so remove"
                        + " wechat.token.wxMAIN.secret",
                "wechat.token.wxMINI.secret: differs from the app's secret in wechat.app.wxMINI.secret; one app has one secret, so"
                        + " remove wechat.token.wxMINI.secret"), problems);
    }

    @Test
    void readWhenAppUnknownOrEndpointWrongThenProblemsNamed() {
        Map<String, String> v = new HashMap<>();
        v.put("wechat.token.app-ids", "wxOTHER");
        v.put("wechat.token.wxOTHER.secret", "otherSecret");
        v.put("wechat.token.endpoint", "fast");
        read(v);
        assertTrue(problems.contains("wechat.token.app-ids: names app wxOTHER, which is not configured in wechat.app-id or wechat.apps"),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("wechat.token.endpoint: must be 'stable' or 'classic'")), problems.toString());
        assertEquals(2, problems.size(), problems.toString());
    }
}
