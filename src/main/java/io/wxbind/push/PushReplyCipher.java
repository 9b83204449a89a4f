package io.wxbind.push;

import io.wxbind.config.WeChatConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the passive replies that {@link PushDedupeStore} keeps for WeChat's retries: a reply may
 * hold a one-time bind link ({@code ?t=<ticket>}) or an account name, which must not lie in the
 * database in clear. AES-256-GCM, key = HMAC-SHA256(app secret, {@value #LABEL}), a random 12-byte
 * IV per row, the row's key ({@code appId}, {@code msgKey}) as additional data, so a sealed reply
 * copied to another row does not open. Stored as {@code v1.} + base64(IV || ciphertext+tag).
 *
 * <p>Why not drop the stored reply: a retry must get the very same answer, and a second bind link
 * would be a second live ticket. Why the app secret: it is always configured and already secret;
 * rotating it only makes the replies of the last few minutes unreadable, and their retries get the
 * plain "success" answer instead.
 */
@ApplicationScoped
public class PushReplyCipher {

    static final String LABEL = "wxbind push reply v1";
    private static final String PREFIX = "v1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    WeChatConfig config;

    private SecretKeySpec key;

    public PushReplyCipher() {
    }

    /** For tests and code outside CDI. */
    public PushReplyCipher(String appSecret) {
        key = derive(appSecret);
    }

    @PostConstruct
    void init() {
        key = derive(config.appSecret());
    }

    private static SecretKeySpec derive(String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(LABEL.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }

    public String seal(String appId, String msgKey, String reply) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher aes = cipher(Cipher.ENCRYPT_MODE, iv, appId, msgKey);
            byte[] sealed = aes.doFinal(reply.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every JDK", e);
        }
    }

    /** The reply, or empty if {@code stored} was not sealed for this row with this key (another secret, tampered). */
    public Optional<String> open(String appId, String msgKey, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            if (bytes.length < IV_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher aes = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, IV_BYTES), appId, msgKey);
            return Optional.of(new String(aes.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] iv, String appId, String msgKey) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        aes.updateAAD((appId + "\n" + msgKey).getBytes(StandardCharsets.UTF_8));
        return aes;
    }
}
