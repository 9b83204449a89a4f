package io.wxbind.simulator.config;

import io.wxbind.simulator.people.SimPerson;
import java.util.List;
import java.util.Map;

/**
 * The built-in apps and people used when no configuration file is given. The demo and the tests
 * rely on these exact values, so change them only together with those.
 */
public final class SimDefaults {

    public static final String OFFICIAL_APP_ID = "wx1a2b3c4d5e6f7a8b";
    public static final String WEBSITE_APP_ID = "wx0f1e2d3c4b5a6978";
    public static final String MINIPROGRAM_APP_ID = "wx7e6d5c4b3a291807";
    /** A mobile (iOS/Android) app: its SDK login code is exchanged at sns/oauth2/access_token. */
    public static final String MOBILE_APP_ID = "wx3c5e7a9b1d2f4608";
    public static final String OPEN_PLATFORM = "open-wxbind-demo";
    /** Key for openid/unionid derivation when the config sets no {@code secret}. */
    public static final String ID_SECRET = "wxbind-simulator-default-id-secret";

    private SimDefaults() {
    }

    public static List<SimApp> apps() {
        SimApp official = SimApp.of(OFFICIAL_APP_ID, "5e1f0c3a9b7d4e2f8a6c1b3d5e7f9a0b",
                        AppType.OFFICIAL, "WxBind Demo Service Account", OPEN_PLATFORM)
                .withPush("wxbinddemotoken", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");
        SimApp website = SimApp.of(WEBSITE_APP_ID, "9a8b7c6d5e4f30211203f4e5d6c7b8a9",
                AppType.WEBSITE, "WxBind Demo Website", OPEN_PLATFORM);
        SimApp miniProgram = SimApp.of(MINIPROGRAM_APP_ID, "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
                AppType.MINIPROGRAM, "WxBind Demo Mini Program", OPEN_PLATFORM);
        SimApp mobile = SimApp.of(MOBILE_APP_ID, "7f6e5d4c3b2a19080f1e2d3c4b5a6978",
                AppType.MOBILE, "WxBind Demo Mobile App", OPEN_PLATFORM);
        return List.of(official, website, miniProgram, mobile);
    }

    public static List<SimPerson> people() {
        return List.of(
                SimPerson.configured("zhang-wei", "Zhang Wei 张伟", null, false),
                SimPerson.configured("li-na", "Li Na 李娜", null, false),
                SimPerson.configured("wang-fang", "Wang Fang 王芳", null, false));
    }

    /** The phone numbers (mainland China, +86) of the built-in people, as a mini program reads them. */
    public static Map<String, String> phones() {
        return Map.of("zhang-wei", "13800138000", "li-na", "13800138001", "wang-fang", "13800138002");
    }
}
