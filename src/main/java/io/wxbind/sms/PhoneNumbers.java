package io.wxbind.sms;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns what people type into one form, {@code +} country code and number (E.164), so that
 * the same phone is the same key for accounts, codes and throttles. Mainland China is the home
 * market: a bare 11-digit mobile number ({@code 138 0000 0001}) means {@code +86}. Spaces,
 * dashes, dots, brackets and full-width digits (Chinese input methods) are accepted.
 */
public final class PhoneNumbers {

    /** Longer input is not a phone number; also bounds the work done on it. */
    static final int MAX_INPUT = 32;
    private static final Pattern CN_MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00a0\\u3000\\-.()\\uff08\\uff09\\uff0d]");

    private PhoneNumbers() {
    }

    /**
     * @return the E.164 form, e.g. {@code +8613800000001}
     * @throws IllegalArgumentException with a message a person understands
     */
    public static String normalise(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("Please enter your mobile phone number.");
        }
        if (input.length() > MAX_INPUT) {
            throw new IllegalArgumentException("That is too long for a phone number.");
        }
        String s = SEPARATORS.matcher(halfWidth(input.strip())).replaceAll("");
        if (!s.matches("\\+?[0-9]+")) {
            throw new IllegalArgumentException("A phone number has only digits, spaces or dashes, and may start with +.");
        }
        String digits = international(s);
        if (digits.length() < 8 || digits.length() > 15 || digits.charAt(0) == '0') {
            throw new IllegalArgumentException(
                    "That is not a valid international number (country code and number, e.g. +852 5123 4567).");
        }
        if (digits.startsWith("86") && !CN_MOBILE.matcher(digits.substring(2)).matches()) {
            throw new IllegalArgumentException("A mainland China mobile number has 11 digits and starts with 13 to 19.");
        }
        return "+" + digits;
    }

    /** {@link #normalise} without the message. */
    public static Optional<String> tryNormalise(String input) {
        try {
            return Optional.of(normalise(input));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** For logs: country code and the last four digits only, e.g. {@code +86*******0001}. */
    public static String masked(String e164) {
        if (e164 == null || e164.length() < 8) {
            return "***";
        }
        int keepFront = e164.startsWith("+86") ? 3 : 2;
        int hidden = e164.length() - keepFront - 4;
        return e164.substring(0, keepFront) + "*".repeat(hidden) + e164.substring(e164.length() - 4);
    }

    /** The forms an account may hold the number in: E.164, and for +86 the bare 11 digits. */
    public static List<String> storedForms(String e164) {
        return e164.startsWith("+86") ? List.of(e164, e164.substring(3)) : List.of(e164);
    }

    /** Digits with country code: {@code +CC...}, {@code 00CC...}, {@code 86 1xx...} or a bare mainland mobile. */
    private static String international(String s) {
        if (s.startsWith("+")) {
            return s.substring(1);
        }
        if (s.startsWith("00")) {
            return s.substring(2);
        }
        if (CN_MOBILE.matcher(s).matches()) {
            return "86" + s;
        }
        if (s.startsWith("86") && s.length() == 13) {
            return s;
        }
        throw new IllegalArgumentException(
                "Enter an 11-digit mainland mobile number (e.g. 138 0000 0001) or the number with its country code (e.g. +852 5123 4567).");
    }

    private static String halfWidth(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c >= '\uff10' && c <= '\uff19' ? (char) (c - '\uff10' + '0') : c == '\uff0b' ? '+' : c);
        }
        return out.toString();
    }
}
