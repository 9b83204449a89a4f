package io.wxbind.auth.flow;

import io.wxbind.util.SecureTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The OAuth {@code state} (flow step 1): a random nonce, its expiry and a MAC under the
 * {@link StateKey}, all in WeChat's alphabet ([A-Za-z0-9], at most 128 bytes). Any node can
 * tell a state it issued from a forged one, and an expired one, without a lookup; what the
 * callback needs besides lives in the browser's {@link PendingLoginCodec pending-login cookie}.
 *
 * <pre>
 *   nonce (24 alphanumerics) | expiry (epoch seconds, 10 digits) | HMAC-SHA256 truncated to 128 bits (32 hex)
 * </pre>
 */
public final class SignedState {

    static final int NONCE_LENGTH = 24;
    static final int LENGTH = NONCE_LENGTH + 10 + 32;
    private static final String LABEL = "wxbind-state";

    private final StateKey key;

    public SignedState(StateKey key) {
        this.key = key;
    }

    public String issue(Instant expiresAt) {
        String body = SecureTokens.alphanumeric(NONCE_LENGTH) + String.format("%010d", expiresAt.getEpochSecond());
        return body + HexFormat.of().formatHex(mac(body));
    }

    /** The expiry of a state this key issued; empty for anything else (forged, malformed, other key). */
    public Optional<Instant> expiryOf(String state) {
        if (state == null || state.length() != LENGTH || !SecureTokens.looksLikeToken(state)) {
            return Optional.empty();
        }
        String body = state.substring(0, LENGTH - 32);
        String expiry = body.substring(NONCE_LENGTH);
        String tag = state.substring(LENGTH - 32);
        boolean lowerHex = tag.chars().allMatch(c -> HexFormat.isHexDigit(c) && !Character.isUpperCase(c));
        if (!expiry.chars().allMatch(Character::isDigit) || !lowerHex) {
            return Optional.empty();
        }
        byte[] expected = HexFormat.of().formatHex(mac(body)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, tag.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(expiry)));
    }

    private byte[] mac(String body) {
        return Arrays.copyOf(key.mac(LABEL, body), 16);
    }
}
