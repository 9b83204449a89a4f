package io.wxbind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The session-key secret: demanded once a mini program is configured, long enough, never printed. */
class MiniProgramConfigTest {

    private static final Map<String, String> OA_ONLY = Map.of("wechat.app-id", "wxOA", "wechat.app-secret", "oaSecret0123456789");
    private static final Map<String, String> WITH_MINI = Map.of("wechat.app-id", "wxOA", "wechat.app-secret", "oaSecret0123456789",
            "wechat.apps", "wxMINI", "wechat.app.wxMINI.type", "miniprogram", "wechat.app.wxMINI.secret", "miniSecret0123456789");

    private static List<String> problems(Map<String, String> values, String secret) {
        List<String> problems = new ArrayList<>();
        WeChatApps apps = WeChatApps.read(k -> Optional.ofNullable(values.get(k)));
        MiniProgramConfig config = MiniProgramConfig.read(k -> k.equals(MiniProgramConfig.KEY) ? Optional.ofNullable(secret)
                : Optional.ofNullable(values.get(k)), apps, problems);
        if (secret != null) {
            assertFalse(config.toString().contains(secret), "the secret is never printed: " + config);
        }
        return problems;
    }

    @Test
    void readWhenNoMiniProgramThenSecretNotNeeded() {
        assertEquals(List.of(), problems(OA_ONLY, null));
    }

    @Test
    void readWhenMiniProgramWithoutSecretThenProblemNamingKeyAndEnvironmentVariable() {
        List<String> problems = problems(WITH_MINI, null);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("wxbind.miniprogram.session-key-secret: required"), problems.get(0));
        assertTrue(problems.get(0).contains("WXBIND_MINIPROGRAM_SESSION_KEY_SECRET"));
    }

    @Test
    void readWhenSecretShortThenProblemWithoutTheValue() {
        List<String> problems = problems(WITH_MINI, "too-short-secret");
        assertEquals(1, problems.size(), problems.toString());
        assertFalse(problems.get(0).contains("too-short-secret"));
        assertEquals(List.of(), problems(WITH_MINI, "a-secret-that-is-long-enough-32chars"));
    }
}
