package io.wxbind.simulator.people;

import java.util.regex.Pattern;

/**
 * A person's phone as WeChat hands it to a mini program (protocol §3.5): {@code countryCode}
 * without "+", {@code purePhoneNumber} without it. {@link #phoneNumber()} carries the country
 * prefix only for numbers outside mainland China, as the doc says; the "+" form is an assumption.
 */
public record PhoneNumber(String countryCode, String purePhoneNumber) {

    public static final String CHINA = "86";
    public static final Pattern COUNTRY_CODE = Pattern.compile("[1-9][0-9]{0,3}");
    public static final Pattern PURE_NUMBER = Pattern.compile("[0-9]{5,15}");

    public static PhoneNumber china(String purePhoneNumber) {
        return new PhoneNumber(CHINA, purePhoneNumber);
    }

    public String phoneNumber() {
        return CHINA.equals(countryCode) ? purePhoneNumber : "+" + countryCode + purePhoneNumber;
    }

    /** Why the values are unacceptable, or null when they are fine. */
    public String problem() {
        if (countryCode == null || !COUNTRY_CODE.matcher(countryCode).matches()) {
            return "countryCode must be 1-4 digits without '+', e.g. 86";
        }
        if (purePhoneNumber == null || !PURE_NUMBER.matcher(purePhoneNumber).matches()) {
            return "purePhoneNumber must be 5-15 digits";
        }
        return null;
    }
}
