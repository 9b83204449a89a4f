package io.wxbind.miniprogram;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens a mini program's {@code encryptedData} (protocol §3.4): AES-128-CBC, PKCS#7, key =
 * Base64-decoded session_key, iv from the client. Malformed input (Base64, lengths) is the
 * client's mistake; data that does not open under the stored key was almost always sealed under
 * an older key, rotated by a later {@code wx.login} (WeiXinMPSDK#1820, easywechat#1312).
 */
final class EncryptedDataCipher {

    private static final int BLOCK = 16;
    /** Phone JSON is a few hundred bytes; anything much larger is not ours to decrypt. */
    static final int MAX_ENCRYPTED_CHARS = 8192;

    /** What came of decrypting. */
    sealed interface Result {

        /** The plaintext, UTF-8 decoded (not yet known to be JSON). */
        record Opened(String plaintext) implements Result {
        }

        /** The input cannot be encrypted data at all; {@code why} names the part, never its value. */
        record Malformed(String why) implements Result {
        }

        /** Well-formed, but it does not open under this key. */
        record WrongKey() implements Result {
        }
    }

    private EncryptedDataCipher() {
    }

    static Result decrypt(String sessionKey, String encryptedData, String iv) {
        byte[] key = base64(sessionKey);
        if (key == null || key.length != BLOCK) {
            return new Result.WrongKey(); // the stored key is WeChat's: not the client's mistake
        }
        byte[] ivBytes = base64(iv);
        if (ivBytes == null || ivBytes.length != BLOCK) {
            return new Result.Malformed("iv must be the Base64 of 16 bytes");
        }
        byte[] data = encryptedData == null || encryptedData.length() > MAX_ENCRYPTED_CHARS ? null : base64(encryptedData);
        if (data == null || data.length == 0 || data.length % BLOCK != 0) {
            return new Result.Malformed("encryptedData must be Base64 of whole 16-byte blocks");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding"); // Java's name for PKCS#7 with 16-byte blocks
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(ivBytes));
            byte[] plain = cipher.doFinal(data);
            return new Result.Opened(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(plain)).toString());
        } catch (BadPaddingException | CharacterCodingException e) {
            return new Result.WrongKey(); // a wrong key fails the padding, or (1 in 256) yields garbage
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC unavailable", e);
        }
    }

    private static byte[] base64(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
