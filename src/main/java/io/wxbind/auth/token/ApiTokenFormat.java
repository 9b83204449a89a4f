package io.wxbind.auth.token;

import io.wxbind.util.SecureTokens;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What a bearer token looks like (step 1 of {@link io.wxbind.auth.token}): 256 random bits,
 * base64url without padding, so 43 characters that need no escaping in a header. Anything
 * else is refused before a lookup. Only {@link #hash} of a token is ever stored: a plain
 * SHA-256 is enough (and cheap on every request) because the token has 256 bits of entropy.
 */
public final class ApiTokenFormat {

    public static final int LENGTH = 43;
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private ApiTokenFormat() {
    }

    static String newToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** 43 characters of the base64url alphabet; a token we never issued may still pass. */
    public static boolean isWellFormed(String token) {
        if (token == null || token.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = token.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Hex SHA-256: the primary key of the stored token. */
    public static String hash(String token) {
        return SecureTokens.sha256Hex(token);
    }
}
