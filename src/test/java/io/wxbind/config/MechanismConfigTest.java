package io.wxbind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MechanismConfigTest {

    private static MechanismConfig protecting(String... patterns) {
        return new MechanismConfig(List.of(patterns), "/wechat/login", "/wechat/bind", "/wechat/callback", true);
    }

    @Test
    void protectsWhenPatternMatchesAsServletContainerDoes() {
        MechanismConfig m = protecting("/app/*", "*.xhtml", "/account");
        assertTrue(m.protects("/app"));
        assertTrue(m.protects("/app/orders/1"));
        assertTrue(m.protects("/shop/cart.xhtml"));
        assertTrue(m.protects("/account"));
        assertFalse(m.protects("/application"));
        assertFalse(m.protects("/account/settings"));
        assertFalse(m.protects("/"));
    }

    @Test
    void protectsNothingWhenNoPatternAndEverythingWhenSlash() {
        assertFalse(MechanismConfig.DEFAULTS.protects("/app/page"));
        assertTrue(protecting("/").protects("/anything/at/all"));
    }

    @Test
    void readWhenPathsClashThenEveryProblemNamed() {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = Map.of("wxbind.path.login", "/sso", "wxbind.path.bind", "/sso", "wxbind.protected-paths", "/a/*/b, /ok/*");
        MechanismConfig m = MechanismConfig.read(k -> Optional.ofNullable(values.get(k)), problems);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("wxbind.protected-paths"), problems.toString());
        assertTrue(problems.get(1).startsWith("wxbind.path.bind"), problems.toString());
        assertEquals(List.of("/ok/*"), m.protectedPaths());
    }
}
