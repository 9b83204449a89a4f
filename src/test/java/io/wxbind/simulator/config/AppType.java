package io.wxbind.simulator.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of WeChat app. The kind decides which authorize endpoint and scopes an appid may use:
 * only official accounts get {@code snsapi_base}/{@code snsapi_userinfo}, only website apps get
 * {@code snsapi_login} (protocol §1, §2).
 */
public enum AppType {
    OFFICIAL("official"),
    MINIPROGRAM("miniprogram"),
    WEBSITE("website"),
    MOBILE("mobile");

    private final String key;

    AppType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<AppType> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
