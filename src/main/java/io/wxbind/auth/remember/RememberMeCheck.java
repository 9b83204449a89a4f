package io.wxbind.auth.remember;

import io.wxbind.account.AccountState;

/** What {@link RememberMeTokens#check} found for a cookie's token. */
sealed interface RememberMeCheck {

    /** The token continues {@code grant}'s login; {@code account} carries the groups of now. */
    record Valid(RememberMeGrant grant, AccountState account) implements RememberMeCheck {
    }

    record Refused(Why why) implements RememberMeCheck {
    }

    enum Why {
        /** Not a token we could have issued: refused before any lookup. */
        MALFORMED,
        /** No such token (never issued, logged out, dropped by a stamp change, purged). */
        UNKNOWN,
        EXPIRED,
        /** The account's security stamp changed since the login, or the account is disabled or gone. */
        REVOKED,
        /** {@code wxbind.remember-me.enabled} is false. */
        DISABLED
    }
}
