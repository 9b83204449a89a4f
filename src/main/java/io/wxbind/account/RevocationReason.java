package io.wxbind.account;

import java.util.Locale;

/** Why an account's security stamp changed: the {@code reason} of its {@code REVOKED} audit entry. */
public enum RevocationReason {
    UNBIND,
    PASSWORD_CHANGED,
    GROUPS_CHANGED,
    DISABLED,
    DELETED,
    /** The user's own "log out everywhere". */
    LOGOUT_EVERYWHERE,
    ADMIN_LOGOUT_EVERYWHERE;

    /** Stable, stored: {@code password_changed}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
