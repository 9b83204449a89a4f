package io.wxbind.sms;

/**
 * What {@link SmsCodeService#verify} found. Expected failures are values, not exceptions. A
 * phone without an account fails exactly like a registered phone given a wrong code.
 */
public sealed interface VerifyResult {

    /** The code was right and is now used up; {@code callerName} is the account to bind and log in. */
    record Verified(String callerName) implements VerifyResult {
    }

    /** Not verified; {@code triesLeft} counts wrong codes still allowed on the current code. */
    record Failed(Reason reason, int triesLeft) implements VerifyResult {

        /** Words for the bind page. */
        public String message() {
            return switch (reason) {
                case WRONG_CODE -> "Wrong code. " + triesLeft + (triesLeft == 1 ? " try" : " tries") + " left.";
                case EXPIRED -> "This code has expired. Please ask for a new one.";
                case TOO_MANY_TRIES -> "Too many wrong codes. Please ask for a new one.";
                case NO_CODE -> "There is no valid code for this number. Please ask for a code first.";
                case MALFORMED -> "Please enter your phone number and the 6-digit code from the SMS.";
            };
        }
    }

    /** Why a code was not accepted. */
    enum Reason {
        /** Wrong digits; the code stays usable while {@code triesLeft > 0}. */
        WRONG_CODE,
        /** The code's lifetime is over. */
        EXPIRED,
        /** The code is burnt by wrong tries (also the answer to the try that burnt it). */
        TOO_MANY_TRIES,
        /** No code pending for this phone (never sent, used, or purged). */
        NO_CODE,
        /** The phone or the code is not even well-formed; no try was counted. */
        MALFORMED
    }
}
