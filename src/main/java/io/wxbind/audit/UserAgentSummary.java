package io.wxbind.audit;

import java.util.List;
import java.util.Map;

/**
 * "Chrome on Windows", "WeChat on Android": what a person recognises of a {@code User-Agent}
 * header, nothing that fingerprints them. Order matters: WeChat's and Edge's headers also say
 * Chrome and Safari, Chrome's also says Safari, Android's also says Linux.
 */
public final class UserAgentSummary {

    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("MicroMessenger", "WeChat"), Map.entry("Edg/", "Edge"), Map.entry("OPR/", "Opera"),
            Map.entry("Firefox/", "Firefox"), Map.entry("Chromium/", "Chromium"), Map.entry("Chrome/", "Chrome"),
            Map.entry("Safari/", "Safari"), Map.entry("curl/", "curl"), Map.entry("Java-http-client", "Java HTTP client"));
    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("Windows", "Windows"), Map.entry("Android", "Android"), Map.entry("iPhone", "iOS"),
            Map.entry("iPad", "iPadOS"), Map.entry("Mac OS X", "macOS"), Map.entry("CrOS", "ChromeOS"),
            Map.entry("Linux", "Linux"));

    private UserAgentSummary() {
    }

    /** Null for a missing header; "other" for one that names nothing known. */
    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String browser = first(BROWSERS, userAgent);
        String system = first(SYSTEMS, userAgent);
        if (browser == null) {
            return system == null ? "other" : "a browser on " + system;
        }
        return system == null ? browser : browser + " on " + system;
    }

    private static String first(List<Map.Entry<String, String>> table, String userAgent) {
        return table.stream().filter(e -> userAgent.contains(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
