package io.wxbind.simulator.web;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Query parameters read leniently from the raw query: first value wins, and a garbled
 * percent-escape keeps its raw text instead of failing the request, so bad input becomes a WeChat
 * errcode or error page rather than a container error.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static Map<String, String> of(URI requestUri) {
        return parse(requestUri.getRawQuery());
    }

    public static Map<String, String> parse(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    /** Pairs of (parameter, errcode): the errcode of the first absent or empty parameter, else 0. */
    public static int firstMissing(Map<String, String> q, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            String value = q.get((String) pairs[i]);
            if (value == null || value.isEmpty()) {
                return (Integer) pairs[i + 1];
            }
        }
        return 0;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
