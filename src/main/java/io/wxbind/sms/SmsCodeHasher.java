package io.wxbind.sms;

import io.wxbind.util.SecureTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes codes and their stored hashes. A 6-digit code has only a million values, so a plain
 * hash in the database could be reversed in a blink: the hash is an HMAC keyed with a pepper
 * that lives in the config, not in the database, and it covers the phone too (a hash copied to
 * another phone's row is worthless).
 */
final class SmsCodeHasher {

    static final int CODE_DIGITS = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SmsCodeHasher(byte[] pepper) {
        this.key = new SecretKeySpec(pepper, "HmacSHA256");
    }

    /** Six random digits, leading zeros kept. */
    static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    static boolean looksLikeCode(String code) {
        return code != null && code.length() == CODE_DIGITS && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    String hash(String phone, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((phone + "\n" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }

    /**
     * Stored for a phone that has no account: looks like any other hash, matches no code. So the
     * database, the answers and the wrong-code counting are the same as for a real phone.
     */
    static String unusableHash() {
        return SecureTokens.sha256Hex(SecureTokens.alphanumeric(43));
    }
}
