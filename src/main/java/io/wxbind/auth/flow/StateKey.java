package io.wxbind.auth.flow;

import io.wxbind.util.SecureTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server key that signs login states and pending-login cookies ({@link SignedState},
 * {@link PendingLoginCodec}). Every node derives the same key from the same settings, so any
 * node can check what another issued; the database never holds it. Never logged.
 *
 * <p>Rotation: change {@code wxbind.state-key} (or the app secret it is derived from) and
 * restart the nodes. Logins started under the old key (at most {@code wechat.state-ttl-seconds}
 * old) then end on the "sign-in link has expired" page and simply start again.
 */
public final class StateKey {

    private final SecretKeySpec key;

    private StateKey(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * The configured secret if there is one, else a key derived from the app secret with a fixed
     * label (as {@code io.wxbind.sms} derives its pepper): a distinct key per purpose.
     */
    public static StateKey of(Optional<String> configured, String appSecret) {
        String material = configured.orElseGet(() -> "wxbind-login-state-key:" + appSecret);
        return new StateKey(HexFormat.of().parseHex(SecureTokens.sha256Hex(material)));
    }

    /** HMAC-SHA256 of {@code label}, a newline and {@code data}; the label keeps the uses apart. */
    byte[] mac(String label, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((label + "\n" + data).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "StateKey[***]";
    }
}
