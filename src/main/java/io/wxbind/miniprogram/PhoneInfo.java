package io.wxbind.miniprogram;

import io.wxbind.sms.PhoneNumbers;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A user's phone number as a mini program gets it: {@code phone_info} of getuserphonenumber
 * (protocol §3.5) or the decrypted legacy {@code encryptedData} (§3.4), same keys in both.
 * {@code countryCode} is a number in one and a string in the other: both are read.
 *
 * @param watermarkTimestamp epoch seconds, or -1 when absent
 */
record PhoneInfo(String purePhoneNumber, String countryCode, String watermarkAppId, long watermarkTimestamp) {

    /** How old legacy data may be: the client decrypts nothing, so it is sent right after the button. */
    static final Duration MAX_AGE = Duration.ofHours(1);
    /** How far WeChat's clock may run ahead of ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Whether the watermark says the data is for {@code appId} and recent. */
    enum Watermark { OK, OTHER_APP, STALE }

    /** Empty when the JSON has no usable number (not phone data). */
    static Optional<PhoneInfo> from(JsonObject json) {
        String pure = text(json.get("purePhoneNumber"));
        String country = text(json.get("countryCode"));
        if (pure == null || !pure.matches("[0-9]{4,20}") || country == null || !country.matches("[0-9]{1,4}")) {
            return Optional.empty();
        }
        JsonValue mark = json.get("watermark");
        String appId = null;
        long timestamp = -1;
        if (mark instanceof JsonObject w) {
            appId = text(w.get("appid"));
            timestamp = w.get("timestamp") instanceof JsonNumber n ? n.longValue() : -1;
        }
        return Optional.of(new PhoneInfo(pure, country, appId, timestamp));
    }

    /** The number as accounts hold it ({@code +8613800138000}), if it is one. */
    Optional<String> e164() {
        return PhoneNumbers.tryNormalise("+" + countryCode + purePhoneNumber);
    }

    /** For answers: the first three and the last four digits, {@code 138****8000}. */
    String masked() {
        int n = purePhoneNumber.length();
        if (n < 8) {
            return "*".repeat(Math.max(0, n - 2)) + purePhoneNumber.substring(Math.max(0, n - 2));
        }
        return purePhoneNumber.substring(0, 3) + "*".repeat(n - 7) + purePhoneNumber.substring(n - 4);
    }

    Watermark watermark(String appId, Instant now) {
        if (watermarkAppId == null || !watermarkAppId.equals(appId)) {
            return Watermark.OTHER_APP;
        }
        if (watermarkTimestamp < 0) {
            return Watermark.STALE;
        }
        Instant at = Instant.ofEpochSecond(watermarkTimestamp);
        return at.isBefore(now.minus(MAX_AGE)) || at.isAfter(now.plus(CLOCK_SKEW)) ? Watermark.STALE : Watermark.OK;
    }

    private static String text(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        return v instanceof JsonNumber n && n.isIntegral() ? n.bigIntegerValue().toString() : null;
    }

    /** The number is personal data: only its masked form may reach a log. */
    @Override
    public String toString() {
        return "PhoneInfo[" + masked() + ", +" + countryCode + ", " + watermarkAppId + "]";
    }
}
