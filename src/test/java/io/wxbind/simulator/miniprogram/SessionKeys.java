package io.wxbind.simulator.miniprogram;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The current {@code session_key} of each (mini program, person) (protocol §3.2): Base64 of 16
 * random bytes, one valid key at a time. Each successful {@code jscode2session} issues a new key
 * and so invalidates the previous one, as a fresh {@code wx.login} may on WeChat; checksession and
 * the encrypted phone data use the current key.
 */
public final class SessionKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> current = new ConcurrentHashMap<>();

    /** A new key for the pair, which replaces the previous one. */
    public String rotate(String appId, String personId) {
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        String key = Base64.getEncoder().encodeToString(raw);
        current.put(key(appId, personId), key);
        return key;
    }

    public Optional<String> current(String appId, String personId) {
        return Optional.ofNullable(current.get(key(appId, personId)));
    }

    /** Whether {@code signature} is checksession's signature of the current key, compared in constant time. */
    public boolean signatureMatches(String appId, String personId, String signature) {
        String key = current.get(key(appId, personId));
        return key != null && signature != null && MessageDigest.isEqual(
                signature(key).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * lowercase hex HMAC-SHA256 of the empty message, keyed with the UTF-8 bytes of the key string
     * as given (not Base64-decoded), protocol §3.2.
     */
    public static String signature(String sessionKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(new byte[0]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public void reset() {
        current.clear();
    }

    private static String key(String appId, String personId) {
        return appId + '\0' + personId;
    }
}
