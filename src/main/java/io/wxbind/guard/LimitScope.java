package io.wxbind.guard;

import java.util.Locale;

/** What a guessing limit counts by. */
public enum LimitScope {
    /** The account a proof is for: the username typed (known or not), or the phone. */
    ACCOUNT,
    /** The client address ({@code ClientAddress.throttleKey()}: an IPv4 address or an IPv6 /64). */
    ADDRESS;

    /** The value in {@code wxbind_attempt_limit.scope}. */
    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason code of a refusal (audit, problem page, JSON): {@code throttled_account}, {@code throttled_address}. */
    public String reason() {
        return "throttled_" + column();
    }
}
