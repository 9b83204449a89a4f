package io.wxbind.config;

/** What happens when a WeChat user with no binding arrives (flow step 4). */
public enum FirstLoginPolicy {
    /** The person logs in once with a local account; the openid is then bound to it. */
    BIND,
    /** A local account is created from the WeChat profile ({@code snsapi_userinfo}) and bound. */
    REGISTER;

    static FirstLoginPolicy parse(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "bind" -> BIND;
            case "register" -> REGISTER;
            default -> throw new IllegalArgumentException("must be 'bind' or 'register', was '" + value + "'");
        };
    }
}
