package io.wxbind.sms;

import java.time.Duration;

/**
 * What {@link SmsCodeService#send} did. {@link Sent} is also the answer for a phone that has no
 * account (nothing is sent then), so the answer never tells whether a number is registered.
 */
public sealed interface SendResult {

    /** A code was stored (and, for a registered phone, is on its way). */
    record Sent(String phone, Duration resendAfter, Duration expiresIn) implements SendResult {
    }

    /** Refused by a throttle; nothing was stored or sent. */
    record Throttled(Limit limit, Duration retryAfter) implements SendResult {

        /** Whole seconds to wait, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        }

        public String message() {
            long s = retryAfterSeconds();
            String wait = s < 120 ? s + " seconds" : (s + 59) / 60 + " minutes";
            return switch (limit) {
                case PHONE_INTERVAL -> "A code was just sent to this number. You can ask for another one in " + wait + ".";
                case PHONE_HOURLY -> "Too many codes were sent to this number. Please try again in " + wait + ".";
                case IP_HOURLY -> "Too many codes were requested from your network. Please try again in " + wait + ".";
            };
        }
    }

    /** The phone number could not be read; {@code message} says why, for the person. */
    record InvalidPhone(String message) implements SendResult {
    }

    /** No {@link SmsSender} is deployed: SMS binding is off. */
    record Unavailable() implements SendResult {
    }

    /** Which throttle refused. */
    enum Limit {
        /** Less than the resend interval since the last send to this phone. */
        PHONE_INTERVAL,
        /** The phone's sends per hour are used up. */
        PHONE_HOURLY,
        /** The client IP's sends per hour are used up. */
        IP_HOURLY
    }
}
