package io.wxbind.auth.flow;

import io.wxbind.config.ReturnOrigins;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * Where a browser may be sent after login: a path on this site, or an absolute URL whose
 * origin is allow-listed. Everything else (other hosts, {@code //host}, {@code /\host},
 * {@code javascript:}, control characters) is refused, which closes the open redirect.
 */
public final class ReturnUrlPolicy {

    static final int MAX_LENGTH = 2048;

    private final List<String> allowedOrigins;

    public ReturnUrlPolicy(List<String> allowedOrigins) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    /**
     * @param candidate   what the client asked for; null or blank means {@code fallback}
     * @param fallback    a safe default, e.g. the context root
     * @return the URL to store, or empty when the candidate must be refused
     */
    public Optional<String> check(String candidate, String fallback) {
        if (candidate == null || candidate.isBlank()) {
            return Optional.of(fallback);
        }
        if (candidate.length() > MAX_LENGTH || candidate.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return Optional.empty();
        }
        if (candidate.startsWith("/")) {
            return candidate.startsWith("//") ? Optional.empty() : Optional.of(candidate);
        }
        try {
            URI uri = new URI(candidate);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (web && uri.getHost() != null && uri.getRawUserInfo() == null
                    && allowedOrigins.contains(ReturnOrigins.originOf(uri))) {
                return Optional.of(candidate);
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        return Optional.empty();
    }
}
