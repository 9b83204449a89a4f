package io.wxbind.simulator.miniprogram;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A mini program's {@code encryptedData}/{@code iv} pair (protocol §3.4): AES-128-CBC with
 * PKCS#7 padding (JCE's "PKCS5Padding" is PKCS#7 for 16-byte blocks), key = Base64-decoded
 * session_key, a random 16-byte iv; both Base64.
 */
public record EncryptedData(String encryptedData, String iv) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static EncryptedData encrypt(String plaintext, String sessionKey) {
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        return encrypt(plaintext, sessionKey, iv);
    }

    /** With a given iv, for the official test vector. */
    static EncryptedData encrypt(String plaintext, String sessionKey, byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(sessionKey), "AES"),
                    new IvParameterSpec(iv));
            byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder base64 = Base64.getEncoder();
            return new EncryptedData(base64.encodeToString(encrypted), base64.encodeToString(iv));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CBC unavailable", e);
        }
    }
}
