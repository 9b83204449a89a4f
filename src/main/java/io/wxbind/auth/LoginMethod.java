package io.wxbind.auth;

/** How the current session (or bearer request) was established; shown on the demo pages and in {@code /api/me}. */
public enum LoginMethod {
    WECHAT("WeChat (bound account, no password)"),
    WECHAT_BIND_PASSWORD("Password, then WeChat bound to the account"),
    WECHAT_BIND_SMS("Phone and SMS code, then WeChat bound to the account"),
    WECHAT_REGISTER("WeChat profile (new account created)"),
    WECHAT_QR("Scanned a QR code with a bound WeChat"),
    /** Not a session: each request carries a bearer token from {@code POST /api/wechat/tokens}. */
    API_TOKEN("Bearer API token from POST /api/wechat/tokens");

    private final String description;

    LoginMethod(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
