package io.wxbind.simulator.people;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives openids (per app and person) and unionids (per open-platform account and person) as
 * HMAC-SHA256 under the simulator secret, so the same person keeps the same ids across restarts
 * and apps never share an openid (protocol §9). Output looks like WeChat's: 28 chars from
 * [A-Za-z0-9_-] starting with {@code o}.
 */
public final class IdDerivation {

    public static final int LENGTH = 28;

    private final SecretKeySpec key;

    public IdDerivation(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String openId(String appId, String personId) {
        return derive("openid", appId, personId);
    }

    public String unionId(String openPlatform, String personId) {
        return derive("unionid", openPlatform, personId);
    }

    /** The virtual account's openid a snapshot-mode page gets instead of the real one (§1.2). */
    public String snapshotOpenId(String appId, String personId) {
        return derive("snapshot-openid", appId, personId);
    }

    public String snapshotUnionId(String openPlatform, String personId) {
        return derive("snapshot-unionid", openPlatform, personId);
    }

    private String derive(String purpose, String scope, String personId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((purpose + '\0' + scope + '\0' + personId)
                    .getBytes(StandardCharsets.UTF_8));
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            return "o" + encoded.substring(0, LENGTH - 1);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
