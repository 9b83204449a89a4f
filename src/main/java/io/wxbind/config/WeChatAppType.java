package io.wxbind.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of WeChat app WxBind knows, each with its name in {@code wechat.app.<appid>.type}. */
public enum WeChatAppType {
    /** Official account (公众号): web authorization inside WeChat, pushes, server token. */
    OFFICIAL_ACCOUNT("official"),
    /** Mini program (小程序): {@code wx.login} codes, server token. */
    MINI_PROGRAM("miniprogram"),
    /** Open-platform website app (网站应用): QR login in a desktop browser. */
    WEBSITE("website"),
    /** Open-platform mobile app (移动应用): login through the WeChat SDK on a phone. */
    MOBILE("mobile");

    private final String configName;

    WeChatAppType(String configName) {
        this.configName = configName;
    }

    /** The value of {@code wechat.app.<appid>.type}. */
    public String configName() {
        return configName;
    }

    /** The type named {@code value} (case ignored), if any. */
    public static Optional<WeChatAppType> parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.configName.equals(v)).findFirst();
    }

    /** "official, miniprogram, website, mobile", for problem messages. */
    static String allowed() {
        return Arrays.stream(values()).map(WeChatAppType::configName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return configName;
    }
}
