package io.wxbind.auth;

import java.io.Serializable;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How the current session (or bearer request) was established; shown on the demo pages and in
 * {@code /api/me}, recorded in the audit log. The core methods are here; a feature package
 * declares its own (SMS binding, QR login, ...), so auth names none of them. Two methods are the
 * same when their {@link #name() names} are: the name is stable, the wording may change.
 *
 * @param name        stable upper-case code, e.g. {@code WECHAT_BIND_SMS}
 * @param description for a person
 */
public record LoginMethod(String name, String description) implements Serializable {

    public static final LoginMethod WECHAT = new LoginMethod("WECHAT", "WeChat (bound account, no password)");
    public static final LoginMethod WECHAT_BIND_PASSWORD = new LoginMethod("WECHAT_BIND_PASSWORD",
            "Password, then WeChat bound to the account");
    public static final LoginMethod WECHAT_REGISTER = new LoginMethod("WECHAT_REGISTER", "WeChat profile (new account created)");
    /** Not a session: each request carries a bearer token from {@code POST /api/wechat/tokens}. */
    public static final LoginMethod API_TOKEN = new LoginMethod("API_TOKEN", "Bearer API token from POST /api/wechat/tokens");

    public LoginMethod {
        if (name == null || !name.matches("[A-Z][A-Z0-9_]{0,63}")) {
            throw new IllegalArgumentException("a login method's name is an upper-case code, was " + name);
        }
        Objects.requireNonNull(description, "description");
    }

    /**
     * The method a stored name stands for (a remember-me token keeps only the name): a core one
     * as declared, a feature's one with a generic description.
     */
    public static LoginMethod restored(String name) {
        return Stream.of(WECHAT, WECHAT_BIND_PASSWORD, WECHAT_REGISTER, API_TOKEN).filter(m -> m.name.equals(name)).findFirst()
                .orElseGet(() -> name != null && name.matches("[A-Z][A-Z0-9_]{0,63}")
                        ? new LoginMethod(name, "Remembered on this device") : WECHAT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoginMethod m && m.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
