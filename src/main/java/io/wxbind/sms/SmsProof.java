package io.wxbind.sms;

import java.util.Optional;

/**
 * A phone and code as typed on the bind page, read into their one form. Read before anything
 * is counted: a form that is not even well-formed is sent back, not counted as a guess.
 *
 * @param phone E.164, e.g. {@code +8613800000001}
 * @param code  six digits
 */
public record SmsProof(String phone, String code) {

    public static Optional<SmsProof> parse(String typedPhone, String typedCode) {
        String digits = typedCode == null ? null : typedCode.replaceAll("\\s", "");
        if (!SmsCodeHasher.looksLikeCode(digits)) {
            return Optional.empty();
        }
        return PhoneNumbers.tryNormalise(typedPhone).map(p -> new SmsProof(p, digits));
    }

    /** Never the code in logs. */
    @Override
    public String toString() {
        return "SmsProof[" + PhoneNumbers.masked(phone) + "]";
    }
}
