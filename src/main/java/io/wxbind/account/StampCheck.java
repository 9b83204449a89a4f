package io.wxbind.account;

/** What {@link SecurityStamps#check} found for a session or token: the account as it is now, or why it is refused. */
public sealed interface StampCheck {

    /** The stamp still holds; {@code account} carries the groups to use for this request. */
    record Valid(AccountState account) implements StampCheck {
    }

    /** The session or token must end. */
    record Refused(Why why) implements StampCheck {
    }

    enum Why {
        /** The stamp changed since it was issued (unbind, password, groups, log out everywhere, ...). */
        REVOKED,
        DISABLED,
        /** The account no longer exists. */
        GONE
    }
}
