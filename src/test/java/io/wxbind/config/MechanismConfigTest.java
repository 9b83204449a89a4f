package io.wxbind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MechanismConfigTest {

    @Test
    void readWhenServletPatternsThenKeptInOrder() {
        MechanismConfig c = ConfigFixtures.read(MechanismConfig::read, "wxbind.protected-paths", "/app/*, *.xhtml, /account, /",
                "wxbind.path.login", "/sso/wechat", "wxbind.path.bind", "/sso/bind", "wechat.callback-path", "/sso/back",
                "wxbind.bearer-tokens", "FALSE");
        assertEquals(List.of("/app/*", "*.xhtml", "/account", "/"), c.protectedPaths());
        assertEquals(List.of("/sso/wechat", "/sso/bind", "/sso/back"), List.of(c.loginPath(), c.bindPath(), c.callbackPath()));
        assertEquals(false, c.bearerTokens());
    }

    @Test
    void readWhenNotServletPatternsThenEachNamed() {
        for (String bad : List.of("app/*", "/app/*/more", "/*.xhtml", "*.", "**", "/app/../admin/*", "/a?b")) {
            List<String> problems = ConfigFixtures.problems(MechanismConfig::read, "wxbind.protected-paths", bad);
            assertEquals(1, problems.size(), bad + ": " + problems);
            assertTrue(problems.get(0).startsWith("wxbind.protected-paths: '" + bad + "'"), problems.get(0));
        }
    }

    @Test
    void readWhenPathsRelativeDottedOrSharedThenEachNamed() {
        List<String> problems = ConfigFixtures.problems(MechanismConfig::read, "wxbind.path.login", "wechat/login",
                "wxbind.path.bind", "/wechat/../bind", "wechat.callback-path", "/");
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("wxbind.path.login: must be a path"), problems.toString());
        assertTrue(problems.get(1).startsWith("wxbind.path.bind: must be a path"), problems.toString());
        assertTrue(problems.get(2).startsWith("wechat.callback-path: must be a path"), problems.toString());
        List<String> shared = ConfigFixtures.problems(MechanismConfig::read, "wechat.callback-path", "/wechat/login");
        assertEquals(List.of("wechat.callback-path: '/wechat/login' is already the path of another WxBind page"), shared);
        assertEquals(List.of("wxbind.bearer-tokens: must be true or false, was 'on'"),
                ConfigFixtures.problems(MechanismConfig::read, "wxbind.bearer-tokens", "on"));
    }
}
