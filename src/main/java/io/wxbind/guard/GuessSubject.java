package io.wxbind.guard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One thing guesses are counted against. The key is stored only as a SHA-256 (a password typed
 * into the username field must not end up in clear in the database).
 */
public record GuessSubject(LimitScope scope, String key) {

    /**
     * The account by the name typed, whether it exists or not (so the limit does not tell).
     * Normalised (NFKC, trimmed, lower case): "Alice " and "alice" are one counter.
     */
    public static GuessSubject account(String typedName) {
        String name = typedName == null ? "" : Normalizer.normalize(typedName, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return new GuessSubject(LimitScope.ACCOUNT, "user:" + name);
    }

    /** The account by its phone (E.164, already normalised): SMS codes. */
    public static GuessSubject phone(String e164) {
        return new GuessSubject(LimitScope.ACCOUNT, "phone:" + e164);
    }

    /** The client address by its throttle key. */
    public static GuessSubject address(String throttleKey) {
        return new GuessSubject(LimitScope.ADDRESS, "address:" + throttleKey);
    }

    String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** Never the key in logs: it may be a mistyped password. */
    @Override
    public String toString() {
        return "GuessSubject[" + scope + "]";
    }
}
