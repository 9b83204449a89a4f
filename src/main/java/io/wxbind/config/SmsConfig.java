package io.wxbind.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Validated {@code wxbind.sms.*} settings (SMS codes on the bind page, {@code io.wxbind.sms}).
 *
 * @param codeTtl        how long a code is valid ({@code wxbind.sms.code-ttl-seconds}, 300; 60..3600)
 * @param maxAttempts    wrong codes before a code is burnt ({@code wxbind.sms.max-attempts}, 5; 1..20)
 * @param resendInterval least time between two sends to one phone ({@code wxbind.sms.resend-interval-seconds}, 60; 0..3600)
 * @param phonePerHour   sends to one phone per rolling hour ({@code wxbind.sms.phone-max-per-hour}, 5; 1..1000)
 * @param ipPerHour      sends requested from one client IP per rolling hour ({@code wxbind.sms.ip-max-per-hour}, 10; 1..100000)
 * @param pepper         HMAC key for code hashes; never logged. {@code wxbind.sms.pepper} (secret, at least 16
 *                       characters), else derived from {@code wechat.app-secret}: every node has it, the database does not
 */
public record SmsConfig(Duration codeTtl, int maxAttempts, Duration resendInterval, int phonePerHour, int ipPerHour,
        byte[] pepper) {

    /** The rolling window of the per-hour throttles, and how long send-log rows are kept. */
    public static final Duration THROTTLE_WINDOW = Duration.ofHours(1);

    /** Pure mapping from raw values; every problem goes to {@code problems}, never the pepper. */
    public static SmsConfig read(Function<String, Optional<String>> source, String appSecret, List<String> problems) {
        ConfigReader r = new ConfigReader(source, problems);
        Duration ttl = r.duration("wxbind.sms.code-ttl-seconds", 300, 60, 3600);
        long attempts = r.whole("wxbind.sms.max-attempts", 5, 1, 20);
        Duration interval = r.duration("wxbind.sms.resend-interval-seconds", 60, 0, 3600);
        long perPhone = r.whole("wxbind.sms.phone-max-per-hour", 5, 1, 1000);
        long perIp = r.whole("wxbind.sms.ip-max-per-hour", 10, 1, 100_000);
        Optional<String> pepper = r.optional("wxbind.sms.pepper");
        if (pepper.isPresent() && pepper.get().length() < 16) {
            problems.add("wxbind.sms.pepper: must be at least 16 characters (a secret: password alias or environment variable)");
        }
        if (pepper.isEmpty() && (appSecret == null || appSecret.isEmpty())) {
            problems.add("wxbind.sms.pepper: required when wechat.app-secret is not set");
        }
        byte[] key = sha256(pepper.orElseGet(() -> "wxbind-sms-code-pepper:" + appSecret));
        return new SmsConfig(ttl, (int) attempts, interval, (int) perPhone, (int) perIp, key);
    }

    /** {@link #read(Function, String, List)} that throws with every problem listed; for tests and tools. */
    public static SmsConfig read(Function<String, Optional<String>> source, String appSecret) {
        List<String> problems = new ArrayList<>();
        SmsConfig config = read(source, appSecret, problems);
        Problems.throwIfAny("SMS codes are misconfigured", problems);
        return config;
    }

    @Override
    public byte[] pepper() {
        return pepper.clone();
    }

    /** Keeps the pepper out of logs. */
    @Override
    public String toString() {
        return "SmsConfig[codeTtl=" + codeTtl + ", maxAttempts=" + maxAttempts + ", resendInterval=" + resendInterval
                + ", phonePerHour=" + phonePerHour + ", ipPerHour=" + ipPerHour + ", pepper=***]";
    }

    /** The key derivation of {@code io.wxbind.util.SecureTokens.sha256Hex}, as bytes. */
    static byte[] sha256(String material) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
