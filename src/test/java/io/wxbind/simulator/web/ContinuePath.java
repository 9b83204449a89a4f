package io.wxbind.simulator.web;

import java.net.URI;
import java.util.Optional;

/**
 * Validates the chooser's {@code continue} parameter: only a path inside the simulator
 * ({@code /wechat-sim/...}) is followed; anything else (absolute URLs, {@code //host},
 * backslashes, dot segments, control characters) is ignored, so the page is no open redirect.
 */
public final class ContinuePath {

    private ContinuePath() {
    }

    public static Optional<String> sanitize(String raw, String basePath) {
        if (raw == null || raw.isEmpty() || raw.length() > 4096 || !raw.startsWith(basePath)
                || raw.startsWith("//") || raw.contains("\\")
                || raw.chars().anyMatch(c -> c < 0x21 || c == 0x7F)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw);
            String path = uri.getPath();
            if (uri.getScheme() != null || uri.getRawAuthority() != null || path == null
                    || !path.startsWith(basePath) || path.contains("/../") || path.contains("/./")
                    || path.endsWith("/..") || path.endsWith("/.")) {
                return Optional.empty();
            }
            return Optional.of(raw);
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
