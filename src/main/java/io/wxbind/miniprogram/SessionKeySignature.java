package io.wxbind.miniprogram;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code wxa/checksession}'s signature (protocol §3.2): lowercase hex HMAC-SHA256 of the empty
 * message, keyed with the UTF-8 bytes of the session_key string as WeChat gave it (not
 * Base64-decoded). It proves the key without sending it; still never logged or answered.
 */
final class SessionKeySignature {

    static final String SIG_METHOD = "hmac_sha256";

    private SessionKeySignature() {
    }

    static String of(String sessionKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(new byte[0]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
