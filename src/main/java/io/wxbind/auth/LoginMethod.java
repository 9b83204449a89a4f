package io.wxbind.auth;

/** How the current session was established; shown on the demo pages and in {@code /api/me}. */
public enum LoginMethod {
    WECHAT("WeChat (bound account, no password)"),
    WECHAT_BIND_PASSWORD("Password, then WeChat bound to the account"),
    WECHAT_BIND_SMS("Phone and SMS code, then WeChat bound to the account"),
    WECHAT_REGISTER("WeChat profile (new account created)"),
    WECHAT_QR("Scanned a QR code with a bound WeChat");

    private final String description;

    LoginMethod(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
