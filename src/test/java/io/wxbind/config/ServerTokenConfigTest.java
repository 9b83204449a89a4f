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
import org.junit.jupiter.api.Test;

class ServerTokenConfigTest {

    private final List<String> problems = new ArrayList<>();

    private ServerTokenConfig read(Map<String, String> v) {
        return ServerTokenConfig.read(k -> Optional.ofNullable(v.get(k)), "wxMAIN", "mainSecret", problems);
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
    void readWhenSeveralAppsThenSecretsAndEndpointsPerApp() {
        Map<String, String> v = new HashMap<>();
        v.put("wechat.token.app-ids", "wxMAIN, wxMINI");
        v.put("wechat.token.wxMINI.secret", "miniSecret");
        v.put("wechat.token.wxMINI.endpoint", "classic");
        v.put("wechat.token.refresh-margin-seconds", "8");
        ServerTokenConfig c = read(v);
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals("miniSecret", c.apps().get("wxMINI").secret());
        assertEquals(ServerTokenConfig.Endpoint.CLASSIC, c.apps().get("wxMINI").endpoint());
        assertEquals(Duration.ofSeconds(8), c.refreshLead(ServerTokenConfig.Endpoint.STABLE), "a small margin wins");
    }

    @Test
    void readWhenSecretMissingOrEndpointWrongThenProblemsNamed() {
        Map<String, String> v = new HashMap<>();
        v.put("wechat.token.app-ids", "wxOTHER");
        v.put("wechat.token.endpoint", "fast");
        read(v);
        assertTrue(problems.stream().anyMatch(p -> p.contains("wechat.token.wxOTHER.secret") && p.contains("WECHAT_TOKEN_WXOTHER_SECRET")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("wechat.token.endpoint")), problems.toString());
    }
}
