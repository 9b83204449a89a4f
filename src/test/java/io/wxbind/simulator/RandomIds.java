package io.wxbind.simulator;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values for codes, tokens and pending ids: WeChat's are opaque, ours must be too. */
public final class RandomIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private RandomIds() {
    }

    public static String alphanumeric(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }

    /** Base64url (no padding) of {@code bytes} random bytes: the look of WeChat access tokens. */
    public static String urlSafe(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    public static int nextInt() {
        return RANDOM.nextInt();
    }
}
