package io.wxbind.sms;

import io.wxbind.util.SecureTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Validated {@code wxbind.sms.*} settings, read once by {@link SmsConfigProducer}.
 *
 * @param codeTtl        how long a code is valid ({@code wxbind.sms.code-ttl-seconds}, 300)
 * @param maxAttempts    wrong codes before a code is burnt ({@code wxbind.sms.max-attempts}, 5)
 * @param resendInterval least time between two sends to one phone ({@code wxbind.sms.resend-interval-seconds}, 60)
 * @param phonePerHour   sends to one phone per rolling hour ({@code wxbind.sms.phone-max-per-hour}, 5)
 * @param ipPerHour      sends requested from one client IP per rolling hour ({@code wxbind.sms.ip-max-per-hour}, 10)
 * @param pepper         HMAC key for code hashes; never logged. {@code wxbind.sms.pepper}, else
 *                       derived from {@code wechat.app-secret}: every node has it, the database does not
 */
public record SmsConfig(Duration codeTtl, int maxAttempts, Duration resendInterval, int phonePerHour, int ipPerHour,
        byte[] pepper) {

    /** The rolling window of the per-hour throttles, and how long send-log rows are kept. */
    public static final Duration THROTTLE_WINDOW = Duration.ofHours(1);

    /** Pure mapping from raw values to a validated config, collecting every problem; unit-testable. */
    public static SmsConfig read(Function<String, Optional<String>> source, String appSecret) {
        List<String> problems = new ArrayList<>();
        Function<String, Optional<String>> values = key -> source.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        long ttl = whole(values, "wxbind.sms.code-ttl-seconds", 300, 60, 3600, problems);
        long attempts = whole(values, "wxbind.sms.max-attempts", 5, 1, 20, problems);
        long interval = whole(values, "wxbind.sms.resend-interval-seconds", 60, 0, 3600, problems);
        long perPhone = whole(values, "wxbind.sms.phone-max-per-hour", 5, 1, 1000, problems);
        long perIp = whole(values, "wxbind.sms.ip-max-per-hour", 10, 1, 100_000, problems);
        Optional<String> pepper = values.apply("wxbind.sms.pepper");
        if (pepper.isPresent() && pepper.get().length() < 16) {
            problems.add("wxbind.sms.pepper: must be at least 16 characters (a secret: password alias or environment variable)");
        }
        if (pepper.isEmpty() && (appSecret == null || appSecret.isEmpty())) {
            problems.add("wxbind.sms.pepper: required when wechat.app-secret is not set");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("SMS codes are misconfigured:\n  - " + String.join("\n  - ", problems));
        }
        String keyMaterial = pepper.orElseGet(() -> "wxbind-sms-code-pepper:" + appSecret);
        byte[] key = HexFormat.of().parseHex(SecureTokens.sha256Hex(keyMaterial));
        return new SmsConfig(Duration.ofSeconds(ttl), (int) attempts, Duration.ofSeconds(interval), (int) perPhone,
                (int) perIp, key);
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

    private static long whole(Function<String, Optional<String>> values, String key, long dflt, long min, long max,
            List<String> problems) {
        Optional<String> raw = values.apply(key);
        if (raw.isEmpty()) {
            return dflt;
        }
        try {
            long v = Long.parseLong(raw.get());
            if (v >= min && v <= max) {
                return v;
            }
            problems.add(key + ": must be between " + min + " and " + max + ", was " + v);
        } catch (NumberFormatException e) {
            problems.add(key + ": not a whole number: '" + raw.get() + "'");
        }
        return dflt;
    }
}
