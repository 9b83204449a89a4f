package io.wxbind.simulator.push;

import io.wxbind.simulator.RandomIds;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulator's own implementation of WeChat's push signatures and safe-mode encryption
 * (WXBizMsgCrypt, protocol §6.1, §7): it shares no code with the app, so a mistake on either side
 * shows up as a failed push. Checked against vectors A–D in {@code PushCryptoTest}.
 *
 * <pre>
 * signature     = hex(SHA1(concat(sort([token, timestamp, nonce]))))            §6.1
 * msg_signature = hex(SHA1(concat(sort([token, timestamp, nonce, Encrypt]))))   §7.3
 * Encrypt       = Base64(AES-256-CBC(key, iv = key[0..16), PKCS7_32(
 *                   random(16) || len(msg) as 4 bytes big-endian || msg || appid)))   §7.1, §7.2
 * </pre>
 */
public final class PushCrypto {

    /** PKCS#7 with WeChat's block size of 32, not AES's 16 (§7.1). */
    static final int BLOCK = 32;

    /** A decrypted {@code Encrypt} value: the 16 random bytes, the message and the trailing appid. */
    public record Decrypted(String random, String message, String appId) {
    }

    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    private final String appId;

    /** {@code encodingAesKey}: the 43-character EncodingAESKey of the app's push settings. */
    public PushCrypto(String encodingAesKey, String appId) {
        byte[] raw = Base64.getDecoder().decode(encodingAesKey + "=");
        if (raw.length != 32) {
            throw new IllegalArgumentException("EncodingAESKey must decode to 32 bytes");
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.iv = new IvParameterSpec(Arrays.copyOf(raw, 16));
        this.appId = appId;
    }

    /** The URL's {@code signature}: over token, timestamp and nonce only, in every mode. */
    public static String signature(String token, String timestamp, String nonce) {
        return sha1OfSorted(token, timestamp, nonce);
    }

    /** Over token, timestamp, nonce and the Encrypt value: {@code msg_signature} / {@code MsgSignature}. */
    public static String msgSignature(String token, String timestamp, String nonce, String encrypt) {
        return sha1OfSorted(token, timestamp, nonce, encrypt);
    }

    /** Constant-time comparison of two hex signatures; null never matches. */
    public static boolean sameSignature(String expected, String actual) {
        return expected != null && actual != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), actual.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    public String encrypt(String message) {
        return encrypt(RandomIds.alphanumeric(16), message);
    }

    /** With a given 16-character random prefix, so the vectors can be reproduced. */
    public String encrypt(String random, String message) {
        byte[] randomBytes = random.getBytes(StandardCharsets.UTF_8);
        if (randomBytes.length != 16) {
            throw new IllegalArgumentException("random must be 16 bytes");
        }
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = appId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(16 + 4 + msg.length + id.length);
        plain.put(randomBytes).putInt(msg.length).put(msg).put(id);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, iv);
            return Base64.getEncoder().encodeToString(cipher.doFinal(pad(plain.array())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC unavailable", e);
        }
    }

    /** Decrypts an Encrypt value; IllegalArgumentException when it is not one made with this key. */
    public Decrypted decrypt(String encrypt) {
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypt.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Encrypt is not Base64");
        }
        if (cipherText.length == 0 || cipherText.length % 16 != 0) {
            throw new IllegalArgumentException("Encrypt is not a whole number of AES blocks");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, iv);
            plain = unpad(cipher.doFinal(cipherText));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Encrypt does not decrypt: " + e.getMessage());
        }
        if (plain.length < 20) {
            throw new IllegalArgumentException("decrypted text is too short");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || 20 + length > plain.length) {
            throw new IllegalArgumentException("decrypted message length is out of range");
        }
        return new Decrypted(new String(plain, 0, 16, StandardCharsets.UTF_8),
                new String(plain, 20, length, StandardCharsets.UTF_8),
                new String(plain, 20 + length, plain.length - 20 - length, StandardCharsets.UTF_8));
    }

    static byte[] pad(byte[] data) {
        int n = BLOCK - data.length % BLOCK;
        byte[] padded = Arrays.copyOf(data, data.length + n);
        Arrays.fill(padded, data.length, padded.length, (byte) n);
        return padded;
    }

    static byte[] unpad(byte[] data) {
        int n = data.length == 0 ? 0 : data[data.length - 1] & 0xFF;
        if (n < 1 || n > BLOCK || n > data.length) {
            throw new IllegalArgumentException("bad PKCS#7 padding");
        }
        return Arrays.copyOf(data, data.length - n);
    }

    private static String sha1OfSorted(String... parts) {
        String[] sorted = parts.clone();
        for (String part : sorted) {
            if (part == null) {
                throw new IllegalArgumentException("signature input missing");
            }
        }
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    }
}
