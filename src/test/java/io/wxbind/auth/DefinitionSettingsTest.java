package io.wxbind.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.config.FirstLoginPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionSettingsTest {

    @WeChatAuthenticationMechanismDefinition
    static class Defaults {
    }

    @WeChatAuthenticationMechanismDefinition(appId = "wx0123456789abcdef", firstLogin = FirstLoginPolicy.REGISTER,
            protectedPaths = {"/app/*", "/orders"}, loginPath = "/in", defaultGroups = {"user", "staff"},
            bearerTokens = false, publicBaseUrl = "https://portal.example.com/shop")
    static class Everything {
    }

    @WeChatAuthenticationMechanismDefinition(appId = "wx 1", protectedPaths = {"app/*", "/a,b", "/x/*/y"}, loginPath = "/wechat/bind",
            callbackPath = "/cb?x=1", defaultGroups = {"a b"}, publicBaseUrl = "ftp://host/")
    static class Bad {
    }

    private static DefinitionSettings of(Class<?> c) {
        return DefinitionSettings.of(c.getAnnotation(WeChatAuthenticationMechanismDefinition.class));
    }

    @Test
    void valuesWhenDefaultsThenKeyedByConfigNameAndEmptyOnesLeftOut() {
        DefinitionSettings s = of(Defaults.class);
        assertEquals(List.of(), s.problems());
        assertEquals("BIND", s.values().get("wechat.first-login"));
        assertEquals("/wechat/login", s.values().get("wxbind.path.login"));
        assertEquals("/wechat/callback", s.values().get("wechat.callback-path"));
        assertEquals("true", s.values().get("wxbind.bearer-tokens"));
        assertEquals("user", s.values().get("wechat.default-groups"));
        assertFalse(s.values().containsKey("wechat.app-id"), "empty app id: config decides");
        assertFalse(s.values().containsKey("wxbind.protected-paths"), "no paths: the container's constraints decide");
        assertFalse(s.values().containsKey("wechat.public-base-url"));
    }

    @Test
    void valuesWhenEverySetThenListsCommaSeparated() {
        DefinitionSettings s = of(Everything.class);
        assertEquals(List.of(), s.problems());
        assertEquals("wx0123456789abcdef", s.values().get("wechat.app-id"));
        assertEquals("REGISTER", s.values().get("wechat.first-login"));
        assertEquals("/app/*,/orders", s.values().get("wxbind.protected-paths"));
        assertEquals("/in", s.values().get("wxbind.path.login"));
        assertEquals("user,staff", s.values().get("wechat.default-groups"));
        assertEquals("false", s.values().get("wxbind.bearer-tokens"));
        assertEquals("https://portal.example.com/shop", s.values().get("wechat.public-base-url"));
    }

    @Test
    void problemsWhenBadValuesThenEveryOneListedWithItsKey() {
        List<String> problems = of(Bad.class).problems();
        assertEquals(8, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("appId (wechat.app-id)"), problems.get(0));
        assertTrue(problems.stream().filter(p -> p.startsWith("protectedPaths (wxbind.protected-paths)")).count() == 3, problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("callbackPath (wechat.callback-path)") && p.contains("/cb?x=1")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("loginPath, bindPath and callbackPath must differ")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("defaultGroups (wechat.default-groups)")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("publicBaseUrl (wechat.public-base-url)") && p.contains("ftp://host/")));
    }
}
