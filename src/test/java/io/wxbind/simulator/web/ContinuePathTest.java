package io.wxbind.simulator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContinuePathTest {

    private static final String BASE = "/wechat-sim/";

    @Test
    void sanitizeWhenSimulatorPathThenKept() {
        String path = "/wechat-sim/open/connect/oauth2/authorize?appid=wx1&redirect_uri=http%3A%2F%2Fx%2Fcb";
        assertEquals(Optional.of(path), ContinuePath.sanitize(path, BASE));
    }

    @Test
    void sanitizeWhenOutsideSimulatorThenIgnored() {
        for (String bad : new String[] {null, "", "http://evil.example/wechat-sim/", "//evil.example/wechat-sim/",
                "/other/", "/wechat-sim", "/wechat-sim/../app/", "/wechat-sim/\\evil", "/wechat-sim/a\r\nX: y",
                "/wechat-sim/ space"}) {
            assertTrue(ContinuePath.sanitize(bad, BASE).isEmpty(), String.valueOf(bad));
        }
    }
}
