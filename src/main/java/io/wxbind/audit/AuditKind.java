package io.wxbind.audit;

/** What happened. Stable names: they are stored and filtered on. */
public enum AuditKind {
    /** A login through WeChat, a binding form, a QR code or an API token; {@code method} says which. */
    LOGIN,
    /** An account created at first login (policy register). */
    FIRST_LOGIN,
    BOUND,
    UNBOUND,
    /** A QR code was scanned: a confirmation was asked on the phone. */
    SCANNED,
    CONFIRMED,
    /** The person on the phone answered "Not me". */
    NOT_ME,
    /** A binding refused because the WeChat (or its unionid) belongs to another account. */
    CONFLICT,
    /** An attempt refused: {@code reason} says why (wrong password, throttled, CSRF, ...). */
    REFUSED,
    /** Sessions and tokens of an account revoked (security stamp changed); {@code reason} says why. */
    REVOKED,
    LOGOUT,
    TOKEN_ISSUED,
    TOKEN_REVOKED,
    /** The server access token of an app refreshed (no user involved). */
    SERVER_TOKEN_REFRESHED,
    /** WeChat vouched for a phone number of the account's person; {@code reason}: the number masked ({@code +86 138****8000}). */
    PHONE_VERIFIED,
    /** A phone number WeChat vouched for is on another account: nothing moved; {@code reason}: the number masked. */
    PHONE_ON_OTHER_ACCOUNT,
    /**
     * A request to the admin API, read or change: {@code account} is the administrator,
     * {@code method} the action ({@code lookup_openid}, {@code unbind}, ...), {@code reason} the
     * answer ({@code status_200}, {@code not_admin}), {@code subject} the account acted on.
     */
    ADMIN
}
