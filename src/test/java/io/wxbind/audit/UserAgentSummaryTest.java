package io.wxbind.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What a person is shown of a User-Agent: browser and system, nothing more; the tricky orders. */
class UserAgentSummaryTest {

    @Test
    void ofWhenRealHeadersThenBrowserOnSystem() {
        assertEquals("Chrome on Windows", UserAgentSummary.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
                + " (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"));
        assertEquals("WeChat on Android", UserAgentSummary.of("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36"
                + " (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160117 MMWEBSDK/20240301"
                + " MicroMessenger/8.0.49.2600(0x28003133) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64"));
        assertEquals("Safari on iOS", UserAgentSummary.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15"
                + " (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"));
        assertEquals("Edge on Windows", UserAgentSummary.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91"));
        assertEquals("Firefox on Linux", UserAgentSummary.of("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"));
        assertEquals("Chrome on Linux", UserAgentSummary.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " HeadlessChrome/156.0.8078.79 Safari/537.36"));
        assertEquals("Java HTTP client", UserAgentSummary.of("Java-http-client/17.0.15"));
        assertEquals("curl", UserAgentSummary.of("curl/8.5.0"));
    }

    @Test
    void ofWhenMissingOrUnknownThenNullOrOther() {
        assertNull(UserAgentSummary.of(null));
        assertNull(UserAgentSummary.of("  "));
        assertEquals("other", UserAgentSummary.of("SomethingNew/1.0"));
        assertEquals("a browser on Android", UserAgentSummary.of("Dalvik/2.1.0 (Linux; U; Android 14)"));
    }
}
