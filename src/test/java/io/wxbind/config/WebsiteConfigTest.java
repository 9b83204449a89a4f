package io.wxbind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebsiteConfigTest {

    private final List<String> problems = new ArrayList<>();

    @Test
    void readWhenNoWebsiteAppThenOff() {
        assertTrue(read(Map.of()).app().isEmpty());
        assertEquals(List.of(), problems);
    }

    @Test
    void readWhenOneWebsiteAppThenThatOne() {
        assertEquals("wxSITE1", read(sites("wxSITE1")).app().orElseThrow().appId());
        assertEquals(List.of(), problems);
    }

    @Test
    void readWhenSeveralThenTheKeyChoosesAndIsRequired() {
        Map<String, String> two = sites("wxSITE1", "wxSITE2");
        assertTrue(read(two).app().isEmpty());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("wxbind.website.app-id: required when several website apps"), problems.toString());
        problems.clear();
        Map<String, String> chosen = new HashMap<>(two);
        chosen.put("wxbind.website.app-id", "wxSITE2");
        assertEquals("wxSITE2", read(chosen).app().orElseThrow().appId());
        assertEquals(List.of(), problems);
    }

    @Test
    void readWhenKeyNamesUnknownOrOtherTypeThenProblem() {
        Map<String, String> v = new HashMap<>(sites("wxSITE1"));
        v.put("wxbind.website.app-id", "wxNOPE");
        assertTrue(read(v).app().isEmpty());
        v.put("wxbind.website.app-id", "wxMP");
        assertTrue(read(v).app().isEmpty());
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("wxNOPE, which is not configured"), problems.toString());
        assertTrue(problems.get(1).contains("only website apps are allowed here"), problems.toString());
    }

    private WebsiteConfig read(Map<String, String> extra) {
        Map<String, String> v = new HashMap<>(Map.of("wechat.app-id", "wxMP", "wechat.app-secret", "s"));
        v.putAll(extra);
        WeChatApps apps = WeChatApps.read(k -> Optional.ofNullable(v.get(k)), problems);
        return WebsiteConfig.read(k -> Optional.ofNullable(v.get(k)), apps, problems);
    }

    private static Map<String, String> sites(String... ids) {
        Map<String, String> v = new HashMap<>(Map.of("wechat.apps", String.join(",", ids)));
        for (String id : ids) {
            v.put("wechat.app." + id + ".type", "website");
            v.put("wechat.app." + id + ".secret", "secret-" + id);
        }
        return v;
    }
}
