package io.wxbind.simulator.config;

/**
 * One configured WeChat app. {@code openPlatform} (nullable) is the open-platform account the app
 * is bound to: it decides whether unionids are returned (protocol §9). {@code oauthDomain}
 * (nullable) is the registered web-authorization host; null accepts any host. Push settings
 * (protocol §6): {@code token}, {@code aesKey}, {@code pushUrl} (null: the simulator's default,
 * the app beside it), {@code pushMode} (null: compatible when an AES key is set, else plain) and
 * {@code originalId}, the {@code gh_} id pushes carry as {@code ToUserName} (null: derived from the appid).
 * {@link #toString()} leaves out the secret, token and AES key so they never reach a log.
 */
public record SimApp(
        String appId,
        String secret,
        AppType type,
        String name,
        String openPlatform,
        String oauthDomain,
        String token,
        String aesKey,
        String pushUrl,
        int tokenExpiresIn,
        int tokenGraceSeconds,
        int tokenDailyQuota,
        IpAllowList ipAllowList,
        PushMode pushMode,
        String originalId) {

    public static final int DEFAULT_TOKEN_EXPIRES_IN = 7200;
    public static final int DEFAULT_TOKEN_GRACE_SECONDS = 300;
    public static final int DEFAULT_TOKEN_DAILY_QUOTA = 2000;

    /** The settings of an app without explicit push mode and original id (both then defaulted). */
    public SimApp(String appId, String secret, AppType type, String name, String openPlatform, String oauthDomain,
            String token, String aesKey, String pushUrl, int tokenExpiresIn, int tokenGraceSeconds,
            int tokenDailyQuota, IpAllowList ipAllowList) {
        this(appId, secret, type, name, openPlatform, oauthDomain, token, aesKey, pushUrl, tokenExpiresIn,
                tokenGraceSeconds, tokenDailyQuota, ipAllowList, null, null);
    }

    /** An app with the token defaults of protocol §4.1 and no IP whitelist. */
    public static SimApp of(String appId, String secret, AppType type, String name, String openPlatform) {
        return new SimApp(appId, secret, type, name, openPlatform, null, null, null, null,
                DEFAULT_TOKEN_EXPIRES_IN, DEFAULT_TOKEN_GRACE_SECONDS, DEFAULT_TOKEN_DAILY_QUOTA,
                IpAllowList.none());
    }

    public SimApp withPush(String newToken, String newAesKey) {
        return new SimApp(appId, secret, type, name, openPlatform, oauthDomain, newToken, newAesKey,
                pushUrl, tokenExpiresIn, tokenGraceSeconds, tokenDailyQuota, ipAllowList, pushMode, originalId);
    }

    /** This app with run-time token settings in place of the configured ones. */
    public SimApp withTokenSettings(TokenSettings settings) {
        return new SimApp(appId, secret, type, name, openPlatform, oauthDomain, token, aesKey, pushUrl,
                settings.expiresIn(), settings.graceSeconds(), settings.dailyQuota(), settings.ipAllowList(),
                pushMode, originalId);
    }

    /** The configured push mode, else compatible when an AES key is set, else plain. */
    public PushMode effectivePushMode() {
        if (pushMode != null) {
            return pushMode;
        }
        return aesKey != null && !aesKey.isEmpty() ? PushMode.COMPATIBLE : PushMode.PLAIN;
    }

    /**
     * The official account's original id ({@code gh_} + 12 hex, protocol §0): the configured one,
     * else derived from the appid so it is stable across restarts.
     */
    public String effectiveOriginalId() {
        if (originalId != null && !originalId.isEmpty()) {
            return originalId;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("original-id\0" + appId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "gh_" + java.util.HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Constant-time comparison, as for any secret. */
    public boolean secretMatches(String candidate) {
        return candidate != null && java.security.MessageDigest.isEqual(
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public boolean boundToOpenPlatform() {
        return openPlatform != null && !openPlatform.isEmpty();
    }

    @Override
    public String toString() {
        return "SimApp[appId=" + appId + ", type=" + type.key() + ", name=" + name
                + ", openPlatform=" + openPlatform + ", oauthDomain=" + oauthDomain + "]";
    }
}
