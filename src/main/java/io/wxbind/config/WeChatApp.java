package io.wxbind.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One WeChat app this deployment talks to, from {@link WeChatApps}.
 *
 * @param appId        its appid
 * @param type         what kind of app it is
 * @param secret       its AppSecret; never logged, never part of {@link #toString()}
 * @param openPlatform the open-platform account it is bound to (apps bound to the same one share
 *                     unionids, protocol §9), or null
 */
public record WeChatApp(String appId, WeChatAppType type, String secret, String openPlatform) {

    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_]{1,32}");
    /** Any stable label of the open-platform account (its appid, say): no spaces, no commas. */
    private static final Pattern OPEN_PLATFORM = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public boolean hasOpenPlatform() {
        return openPlatform != null;
    }

    /** Whether {@code value} has the shape of an appid; the one rule for every key that names an app. */
    static boolean isAppId(String value) {
        return value != null && APP_ID.matcher(value).matches();
    }

    /** Records a problem under {@code key} unless {@code appId} is null (reported as missing) or has an appid's shape. */
    static void checkAppId(String key, String appId, List<String> problems) {
        if (appId != null && !isAppId(appId)) {
            problems.add(key + ": must be 1-32 letters or digits, was '" + appId + "'");
        }
    }

    static void checkOpenPlatform(String key, String value, List<String> problems) {
        if (value != null && !OPEN_PLATFORM.matcher(value).matches()) {
            problems.add(key + ": must be 1-64 letters, digits, '.', '_' or '-' (an id of the open-platform account), was '"
                    + value + "'");
        }
    }

    /** Keeps the secret out of logs and exception messages. */
    @Override
    public String toString() {
        return "WeChatApp[" + appId + ", " + type + (openPlatform == null ? "" : ", openPlatform=" + openPlatform) + ", secret=***]";
    }
}
