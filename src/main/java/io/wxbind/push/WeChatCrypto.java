package io.wxbind.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's push cryptography, the WXBizMsgCrypt algorithm (protocol §6.1, §7): the SHA-1
 * signatures, and AES-256-CBC with IV = the first 16 key bytes and PKCS#7 padding to a
 * <em>32-byte</em> block. Java's {@code PKCS5Padding} pads to 16 and fails on WeChat's own
 * vectors, so padding is done here by hand on {@code AES/CBC/NoPadding}.
 *
 * <p>Plaintext layout: {@code random(16) || msg_len(4, big-endian) || msg || appid}. The appid at
 * the end is checked on decrypt: a message encrypted for another app (same key, other appid) is
 * refused, as in the official samples (WxJava skips this check).
 *
 * <p>Every failure is a {@link PushRejectedException} with status 400 and one fixed reason, so the
 * answer does not tell padding errors from appid errors (no padding oracle; besides, the
 * {@code msg_signature} is checked before anything is decrypted).
 *
 * <p>One instance per app serves all threads. Decryption borrows an initialised {@link Cipher}
 * from a small pool: {@code Cipher.getInstance} plus {@code init} (provider lookup and AES key
 * schedule) cost more than decrypting a push, and a {@code Cipher} must not be shared by two
 * threads at once.
 */
public final class WeChatCrypto {

    static final int BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UNREADABLE = "encrypted message unreadable";

    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    private final byte[] appId;
    /** Ciphers ready for {@code DECRYPT_MODE} with this key and IV; at most one per concurrent caller. */
    private final Queue<Cipher> decryptors = new ConcurrentLinkedQueue<>();

    /**
     * @param aesKey the 32 bytes decoded from the EncodingAESKey
     * @param appId  the appid every message must end with (and every reply gets)
     */
    public WeChatCrypto(byte[] aesKey, String appId) {
        if (aesKey == null || aesKey.length != 32) {
            throw new IllegalArgumentException("WeChat AES keys are 32 bytes");
        }
        this.key = new SecretKeySpec(aesKey.clone(), "AES");
        this.iv = new IvParameterSpec(Arrays.copyOf(aesKey, 16));
        this.appId = Objects.requireNonNull(appId, "appId").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * {@code lowercase_hex(SHA1(concat(sort(parts))))}: {@code signature} over (token, timestamp,
     * nonce), {@code msg_signature} over (token, timestamp, nonce, Encrypt).
     */
    public static String signature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            for (String part : sorted) {
                sha1.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JDK", e);
        }
    }

    /**
     * Whether {@code given} is the signature of {@code parts}, compared in constant time. Empty or
     * missing parts never verify (WxJava refuses them too): an empty nonce would make signatures cheap to reuse.
     */
    public static boolean verify(String given, String... parts) {
        if (given == null || given.isEmpty()) {
            return false;
        }
        for (String part : parts) {
            if (part == null || part.isEmpty()) {
                return false;
            }
        }
        byte[] expected = signature(parts).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
    }

    /** Decrypts an {@code Encrypt} value and returns the message bytes, after checking the appid. */
    public byte[] decrypt(String encrypt) {
        byte[] full = decryptFull(encrypt);
        if (full.length < 20) {
            throw PushRejectedException.badRequest(UNREADABLE);
        }
        int msgLen = ByteBuffer.wrap(full, 16, 4).getInt();
        if (msgLen < 0 || msgLen > full.length - 20) {
            throw PushRejectedException.badRequest(UNREADABLE);
        }
        byte[] sender = Arrays.copyOfRange(full, 20 + msgLen, full.length);
        if (!MessageDigest.isEqual(sender, appId)) {
            throw PushRejectedException.badRequest(UNREADABLE);
        }
        return Arrays.copyOfRange(full, 20, 20 + msgLen);
    }

    /** Encrypts a reply with fresh randomness; the result is the {@code Encrypt} value. */
    public String encrypt(String msg) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return encrypt(random, msg);
    }

    /** With given randomness, so that the official vectors can be checked byte for byte. */
    String encrypt(byte[] random, String msg) {
        byte[] body = msg.getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(20 + body.length + appId.length);
        plain.put(random, 0, 16).putInt(body.length).put(body).put(appId);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, iv);
            return Base64.getEncoder().encodeToString(cipher.doFinal(pad(plain.array())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is required by every JDK 8u161+", e);
        }
    }

    /** Base64 → AES → unpadded FullStr (random, length, msg, appid), nothing checked but the padding. */
    byte[] decryptFull(String encrypt) {
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypt == null ? "" : encrypt.strip());
        } catch (IllegalArgumentException e) {
            throw PushRejectedException.badRequest(UNREADABLE);
        }
        if (cipherText.length == 0 || cipherText.length % BLOCK != 0) {
            // WeChat always pads to 32; anything else is not from WeChat.
            throw PushRejectedException.badRequest(UNREADABLE);
        }
        byte[] plain;
        try {
            Cipher cipher = decryptors.poll();
            if (cipher == null) {
                cipher = Cipher.getInstance("AES/CBC/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, iv);
            }
            plain = cipher.doFinal(cipherText);
            // doFinal left it as init did (same key and IV); one that threw is dropped, not returned.
            decryptors.offer(cipher);
        } catch (GeneralSecurityException e) {
            throw PushRejectedException.badRequest(UNREADABLE);
        }
        return unpad(plain);
    }

    static byte[] pad(byte[] data) {
        int n = BLOCK - data.length % BLOCK;
        byte[] out = Arrays.copyOf(data, data.length + n);
        Arrays.fill(out, data.length, out.length, (byte) n);
        return out;
    }

    static byte[] unpad(byte[] data) {
        int n = data.length == 0 ? 0 : data[data.length - 1] & 0xff;
        if (n < 1 || n > BLOCK || n > data.length) {
            throw PushRejectedException.badRequest(UNREADABLE);
        }
        int bad = 0;
        for (int i = data.length - n; i < data.length; i++) {
            bad |= (data[i] & 0xff) ^ n;
        }
        if (bad != 0) {
            throw PushRejectedException.badRequest(UNREADABLE);
        }
        return Arrays.copyOf(data, data.length - n);
    }
}
