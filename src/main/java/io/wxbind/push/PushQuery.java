package io.wxbind.push;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The query parameters of a push (protocol §6.1, §6.2), read from the raw query string only:
 * {@code getParameter} would also read a form body, and a parameter given twice is refused
 * rather than letting the first or last one win.
 */
record PushQuery(Map<String, String> params) {

    static final String SIGNATURE = "signature";
    static final String TIMESTAMP = "timestamp";
    static final String NONCE = "nonce";
    static final String ECHOSTR = "echostr";
    static final String ENCRYPT_TYPE = "encrypt_type";
    static final String MSG_SIGNATURE = "msg_signature";
    private static final int MAX_QUERY = 4096;

    PushQuery {
        params = Map.copyOf(params);
    }

    static PushQuery parse(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new PushQuery(params);
        }
        if (rawQuery.length() > MAX_QUERY) {
            throw PushRejectedException.badRequest("query string too long");
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.putIfAbsent(name, value) != null) {
                throw PushRejectedException.badRequest("query parameter given twice");
            }
        }
        return new PushQuery(params);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(params.get(name)).filter(v -> !v.isEmpty());
    }

    /**
     * {@code encrypt_type=aes}: the body is the safe-mode envelope and {@code msg_signature} is
     * required. Missing or {@code raw} means plaintext (SDKs know both); anything else is a 400.
     */
    boolean encrypted() {
        String type = get(ENCRYPT_TYPE).orElse("raw");
        if (type.equalsIgnoreCase("aes")) {
            return true;
        }
        if (type.equalsIgnoreCase("raw")) {
            return false;
        }
        throw PushRejectedException.badRequest("unknown encrypt_type");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw PushRejectedException.badRequest("query string garbled");
        }
    }
}
