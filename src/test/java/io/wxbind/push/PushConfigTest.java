package io.wxbind.push;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.config.PushConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code wechat.push.*}: defaults, modes, validation of every key at once, secrets kept out of text. */
class PushConfigTest {

    static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private final List<String> problems = new ArrayList<>();

    private PushConfig read(Map<String, String> v) {
        return PushConfig.read(k -> Optional.ofNullable(v.get(k)), "wxMAIN", problems);
    }

    @Test
    void readWhenNothingSetThenNoEndpointAndDocumentedDefaults() {
        PushConfig c = read(Map.of());
        assertTrue(problems.isEmpty(), problems.toString());
        assertTrue(c.apps().isEmpty());
        assertTrue(c.app("wxMAIN").isEmpty());
        assertEquals(Duration.ofSeconds(300), c.timestampWindow());
        assertEquals(64 * 1024, c.maxBodyBytes());
    }

    @Test
    void readWhenMainAppHasTokenOnlyThenPlainMode() {
        PushConfig c = read(Map.of("wechat.push.wxMAIN.token", "wxbinddemotoken"));
        assertTrue(problems.isEmpty(), problems.toString());
        PushConfig.App app = c.app("wxMAIN").orElseThrow();
        assertEquals(PushConfig.Mode.PLAIN, app.mode());
        assertTrue(app.acceptsPlain());
        assertFalse(app.acceptsEncrypted());
        assertEquals(null, app.aesKey());
    }

    @Test
    void readWhenAesKeySetThenAesModeByDefaultAndKeyDecodedTo32Bytes() {
        PushConfig c = read(Map.of("wechat.push.wxMAIN.token", "pamtest", "wechat.push.wxMAIN.aes-key", KEY));
        assertTrue(problems.isEmpty(), problems.toString());
        PushConfig.App app = c.app("wxMAIN").orElseThrow();
        assertEquals(PushConfig.Mode.AES, app.mode());
        assertFalse(app.acceptsPlain());
        assertTrue(app.acceptsEncrypted());
        assertArrayEquals(Base64.getDecoder().decode(KEY + "="), app.aesKey());
        assertEquals(32, app.aesKey().length);
        assertNotSame(app.aesKey(), app.aesKey(), "the key is copied on the way out");
    }

    @Test
    void readWhenSeveralAppsAndModesThenEachAsConfigured() {
        Map<String, String> v = new HashMap<>();
        v.put("wechat.push.app-ids", "wxMAIN, wxMINI");
        v.put("wechat.push.wxMAIN.token", "tokenA");
        v.put("wechat.push.wxMAIN.aes-key", KEY);
        v.put("wechat.push.wxMAIN.mode", "compatible");
        v.put("wechat.push.wxMINI.token", "tokenB");
        v.put("wechat.push.timestamp-window-seconds", "60");
        v.put("wechat.push.max-body-bytes", "2048");
        PushConfig c = read(v);
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(PushConfig.Mode.COMPATIBLE, c.app("wxMAIN").orElseThrow().mode());
        assertTrue(c.app("wxMAIN").orElseThrow().acceptsPlain() && c.app("wxMAIN").orElseThrow().acceptsEncrypted());
        assertEquals(PushConfig.Mode.PLAIN, c.app("wxMINI").orElseThrow().mode());
        assertEquals(List.of("wxMAIN", "wxMINI"), c.appList().stream().map(PushConfig.App::appId).toList());
        assertEquals(Duration.ofSeconds(60), c.timestampWindow());
        assertEquals(2048, c.maxBodyBytes());
    }

    @Test
    void readWhenEverythingWrongThenEveryProblemNamedWithoutSecrets() {
        Map<String, String> v = new HashMap<>();
        v.put("wechat.push.app-ids", "wxA,wxB,wxC,wxD,bad/id");
        v.put("wechat.push.wxA.token", "ab");                         // too short
        v.put("wechat.push.wxB.token", "validtoken");
        v.put("wechat.push.wxB.aes-key", "SECRETKEYTOOSHORT");          // not 43 chars
        v.put("wechat.push.wxC.token", "validtoken");
        v.put("wechat.push.wxC.mode", "aes");                          // no key
        v.put("wechat.push.wxD.token", "validtoken");
        v.put("wechat.push.wxD.mode", "secret-mode");
        v.put("wechat.push.timestamp-window-seconds", "0");
        v.put("wechat.push.max-body-bytes", "lots");
        read(v);
        String all = String.join("\n", problems);
        assertTrue(all.contains("wechat.push.wxA.token"), all);
        assertTrue(all.contains("wechat.push.wxB.aes-key"), all);
        assertTrue(all.contains("wechat.push.wxC.aes-key") && all.contains("WECHAT_PUSH_WXC_AES_KEY"), all);
        assertTrue(all.contains("wechat.push.wxD.mode"), all);
        assertTrue(all.contains("bad/id"), all);
        assertTrue(all.contains("wechat.push.timestamp-window-seconds"), all);
        assertTrue(all.contains("wechat.push.max-body-bytes"), all);
        assertFalse(all.contains("SECRETKEYTOOSHORT"), "never the key itself: " + all);
        assertEquals(7, problems.size(), all);
    }

    @Test
    void readWhenListedAppLacksTokenThenProblemWithEnvironmentName() {
        read(Map.of("wechat.push.app-ids", "wxMINI"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("wechat.push.wxMINI.token") && p.contains("WECHAT_PUSH_WXMINI_TOKEN")),
                problems.toString());
    }

    @Test
    void toStringWhenSecretsSetThenNeitherTokenNorKeyShown() {
        PushConfig c = read(Map.of("wechat.push.wxMAIN.token", "supersecrettoken", "wechat.push.wxMAIN.aes-key", KEY));
        String text = c.toString() + c.appList();
        assertFalse(text.contains("supersecrettoken"), text);
        assertFalse(text.contains(KEY), text);
        assertFalse(text.contains("[B@"), "no raw key array either: " + text);
        assertTrue(text.contains("wxMAIN"), text);
    }
}
