package io.wxbind.miniprogram;

import io.wxbind.config.MiniProgramConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a user's {@code session_key} for the database: AES-256-GCM under a key derived from
 * {@code wxbind.miniprogram.session-key-secret}, with the app and openid as associated data, so a
 * row copied onto another user's does not decrypt. Stored as Base64url(iv ‖ ciphertext ‖ tag).
 */
@ApplicationScoped
public class SessionKeyVault {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    MiniProgramConfig config;

    private SecretKeySpec key;

    public SessionKeyVault() {
    }

    /** For tests outside a container. */
    public SessionKeyVault(String secret) {
        this.key = keyOf(secret);
    }

    @PostConstruct
    void init() {
        key = config.sessionKeySecret().map(SessionKeyVault::keyOf).orElse(null);
    }

    public String seal(String appId, String openId, String sessionKey) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, appId, openId);
            byte[] sealed = cipher.doFinal(sessionKey.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The session_key, or empty when the value was not sealed for this app and openid under this secret. */
    public Optional<String> open(String appId, String openId, String sealedValue) {
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealedValue);
            if (in.length <= IV_BYTES) {
                return Optional.empty();
            }
            byte[] iv = java.util.Arrays.copyOf(in, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, iv, appId, openId);
            return Optional.of(new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty(); // tampered, another secret (rotated), or another user's row
        }
    }

    private Cipher cipher(int mode, byte[] iv, String appId, String openId) throws GeneralSecurityException {
        if (key == null) {
            throw new IllegalStateException("wxbind.miniprogram.session-key-secret is not set");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD((appId + "\0" + openId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static SecretKeySpec keyOf(String secret) {
        try {
            byte[] derived = MessageDigest.getInstance("SHA-256")
                    .digest(("wxbind session_key v1\0" + secret).getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
