package io.wxbind.config;

import java.net.URI;
import java.util.Locale;

/** Normalises a URL to its origin ({@code scheme://host[:port]}) for allow-list checks. */
public final class ReturnOrigins {

    private ReturnOrigins() {
    }

    public static String originOf(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
