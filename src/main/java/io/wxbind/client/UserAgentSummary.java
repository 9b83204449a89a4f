package io.wxbind.client;

import java.util.List;

/**
 * "Chrome on Windows": what a person recognises of a browser's {@code User-Agent}, for pages that
 * ask them to confirm something done elsewhere. Never the raw header (long, and a fingerprint).
 * Order matters: Edge and Opera also say Chrome, Chrome also says Safari, WeChat says all of them.
 */
public final class UserAgentSummary {

    private record Token(String marker, String name) {
    }

    private static final List<Token> BROWSERS = List.of(new Token("MicroMessenger", "WeChat"), new Token("Edg", "Edge"),
            new Token("OPR/", "Opera"), new Token("Firefox/", "Firefox"), new Token("FxiOS", "Firefox"),
            new Token("CriOS", "Chrome"), new Token("Chrome/", "Chrome"), new Token("Chromium/", "Chromium"),
            new Token("Safari/", "Safari"));
    private static final List<Token> SYSTEMS = List.of(new Token("Windows", "Windows"), new Token("iPhone", "iPhone"),
            new Token("iPad", "iPad"), new Token("Android", "Android"), new Token("CrOS", "ChromeOS"),
            new Token("Macintosh", "macOS"), new Token("Mac OS X", "macOS"), new Token("Linux", "Linux"));

    private UserAgentSummary() {
    }

    /** "Chrome on Windows", "Safari on iPhone", "Firefox", or "an unknown browser". */
    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "an unknown browser";
        }
        String browser = first(BROWSERS, userAgent);
        String system = first(SYSTEMS, userAgent);
        if (browser == null) {
            return system == null ? "an unknown browser" : "a browser on " + system;
        }
        return system == null ? browser : browser + " on " + system;
    }

    private static String first(List<Token> tokens, String userAgent) {
        return tokens.stream().filter(t -> userAgent.contains(t.marker())).map(Token::name).findFirst().orElse(null);
    }
}
