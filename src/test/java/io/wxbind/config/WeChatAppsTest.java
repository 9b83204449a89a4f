package io.wxbind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The app registry: the official account of wechat.app-id plus wechat.apps, and every problem it can find. */
class WeChatAppsTest {

    private static final String OA_SECRET = "oaSecret0123456789";
    private static final String WEB_SECRET = "webSecret0123456789";
    private static final String MINI_SECRET = "miniSecret0123456789";

    private static Map<String, String> threeApps() {
        Map<String, String> m = new HashMap<>();
        m.put("wechat.app-id", "wxOA");
        m.put("wechat.app-secret", OA_SECRET);
        m.put("wechat.open-platform", "open-demo");
        m.put("wechat.apps", "wxWEB, wxMINI ,wxAPP");
        m.put("wechat.app.wxWEB.type", "website");
        m.put("wechat.app.wxWEB.secret", WEB_SECRET);
        m.put("wechat.app.wxWEB.open-platform", "open-demo");
        m.put("wechat.app.wxMINI.type", "MiniProgram");
        m.put("wechat.app.wxMINI.secret", MINI_SECRET);
        m.put("wechat.app.wxMINI.open-platform", "open-other");
        m.put("wechat.app.wxAPP.type", "mobile");
        m.put("wechat.app.wxAPP.secret", "appSecret0123456789");
        m.put("wxbind.miniprogram.session-key-secret", "a-session-key-secret-of-32-chars!");
        return m;
    }

    private static WeChatApps read(Map<String, String> values) {
        return WeChatApps.read(k -> Optional.ofNullable(values.get(k)));
    }

    private static String failure(Map<String, String> values) {
        return assertThrows(IllegalStateException.class, () -> WxBindSettings.read(k -> Optional.ofNullable(values.get(k)), Map.of()))
                .getMessage();
    }

    @Test
    void readWhenOnlyTheOfficialAccountThenRegistryOfThatOneAndSettingsAsBefore() {
        Map<String, String> v = Map.of("wechat.app-id", "wxOA", "wechat.app-secret", OA_SECRET, "wechat.push.wxOA.token", "pushToken1");
        WxBindSettings s = WxBindSettings.read(k -> Optional.ofNullable(v.get(k)), Map.of());
        WeChatApps apps = s.apps();
        assertEquals(List.of(new WeChatApp("wxOA", WeChatAppType.OFFICIAL_ACCOUNT, OA_SECRET, null)), List.copyOf(apps.all()));
        assertEquals("wxOA", apps.official().appId());
        assertFalse(apps.official().hasOpenPlatform());
        assertEquals(List.of(), apps.appsInOpenPlatformOf("wxOA"));
        assertFalse(apps.sameOpenPlatform("wxOA", "wxOA"), "no open platform: no unionid shared, not even with itself");
        assertEquals(Map.of("wxOA", new ServerTokenConfig.App("wxOA", OA_SECRET, ServerTokenConfig.Endpoint.STABLE)),
                s.serverTokens().apps());
        assertEquals(List.of("wxOA"), List.copyOf(s.push().apps().keySet()));
        assertEquals("wxOA", s.weChat().appId());
    }

    @Test
    void readWhenSeveralAppsThenQueriesAnswerByIdTypeAndOpenPlatform() {
        WeChatApps apps = read(threeApps());
        assertEquals(List.of("wxOA", "wxWEB", "wxMINI", "wxAPP"), apps.all().stream().map(WeChatApp::appId).toList());
        assertEquals(new WeChatApp("wxMINI", WeChatAppType.MINI_PROGRAM, MINI_SECRET, "open-other"), apps.byId("wxMINI").orElseThrow());
        assertEquals(Optional.empty(), apps.byId("wxNONE"));
        assertEquals(Optional.empty(), apps.byId(null));
        assertEquals(WEB_SECRET, apps.require("wxWEB", WeChatAppType.WEBSITE).secret());
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> apps.require("wxWEB", WeChatAppType.MINI_PROGRAM));
        assertEquals("app wxWEB is not configured as miniprogram (wechat.app-id or wechat.apps)", wrongType.getMessage());
        assertThrows(IllegalArgumentException.class, () -> apps.require("wxNONE", WeChatAppType.WEBSITE));
        assertEquals(List.of("wxAPP"), apps.ofType(WeChatAppType.MOBILE).stream().map(WeChatApp::appId).toList());
        assertEquals(List.of("wxOA"), apps.ofType(WeChatAppType.OFFICIAL_ACCOUNT).stream().map(WeChatApp::appId).toList());
        assertEquals("wxOA", apps.official().appId());
        assertTrue(apps.sameOpenPlatform("wxOA", "wxWEB"));
        assertFalse(apps.sameOpenPlatform("wxOA", "wxMINI"), "another open platform");
        assertFalse(apps.sameOpenPlatform("wxOA", "wxAPP"), "the mobile app has none");
        assertFalse(apps.sameOpenPlatform("wxAPP", "wxNONE"));
        assertEquals(List.of("wxOA", "wxWEB"), apps.appsInOpenPlatformOf("wxWEB").stream().map(WeChatApp::appId).toList());
        assertEquals(List.of(), apps.appsInOpenPlatformOf("wxNONE"));
        assertNull(apps.byId("wxAPP").orElseThrow().openPlatform());
    }

    @Test
    void readWhenEveryKindOfAppProblemThenOneFailureListingThemAllWithoutSecrets() {
        Map<String, String> v = threeApps();
        v.put("wechat.open-platform", "open demo");
        v.put("wechat.apps", "wxWEB,wxMINI,wxAPP,wxWEB,wxOA,bad/id,wxNEW");
        v.put("wechat.app.wxWEB.type", "applet");
        v.put("wechat.app.wxMINI.secret", "  ");
        v.put("wechat.app.wxAPP.open-platform", "open,demo");
        v.put("wechat.app.wxNEW.secret", "newSecret0123456789");
        String message = failure(v);
        List<String> expected = List.of(
                "wechat.open-platform: must be 1-64 letters, digits, '.', '_' or '-' (an id of the open-platform account), was 'open demo'",
                "wechat.app.wxWEB.type: must be one of official, miniprogram, website, mobile, was 'applet'",
                "wechat.app.wxMINI.secret: required (set it as a MicroProfile Config property or the environment variable"
                        + " WECHAT_APP_WXMINI_SECRET)",
                "wechat.app.wxAPP.open-platform: must be 1-64 letters, digits, '.', '_' or '-' (an id of the open-platform account),"
                        + " was 'open,demo'",
                "wechat.apps: names wxWEB twice",
                "wechat.apps: names wxOA, the official account of wechat.app-id; configure it there only",
                "wechat.apps: 'bad/id' is not an appid (1-32 letters or digits)",
                "wechat.app.wxNEW.type: required (set it as a MicroProfile Config property or the environment variable"
                        + " WECHAT_APP_WXNEW_TYPE, or declare it in code)");
        for (String problem : expected) {
            assertTrue(message.contains("\n  - " + problem + "\n") || message.endsWith("\n  - " + problem), problem + " missing from: " + message);
        }
        assertTrue(message.startsWith("WxBind is misconfigured (" + expected.size() + " problems):"), message);
        for (String secret : List.of(OA_SECRET, WEB_SECRET, MINI_SECRET, "appSecret0123456789", "newSecret0123456789")) {
            assertFalse(message.contains(secret), "secret printed: " + message);
        }
    }

    @Test
    void readWhenOfficialAppIdMalformedThenListedOnceThoughTwoRecordsCheckIt() {
        String message = failure(Map.of("wechat.app-id", "wx-bad", "wechat.app-secret", OA_SECRET));
        assertEquals(1, message.split("\n  - wechat.app-id: must be 1-32 letters or digits, was 'wx-bad'", -1).length - 1, message);
    }

    @Test
    void readWhenSettingsNameUnknownOrWrongAppsThenProblemsInTheSameFailure() {
        Map<String, String> v = threeApps();
        v.put("wechat.token.app-ids", "wxOA,wxMINI,wxGONE");
        v.put("wechat.push.app-ids", "wxOA,wxMINI,wxLOST");
        v.put("wechat.push.wxOA.token", "pushToken1");
        v.put("wechat.push.wxMINI.token", "pushToken2");
        v.put("wechat.push.wxLOST.token", "pushToken3");
        String message = failure(v);
        assertTrue(message.startsWith("WxBind is misconfigured (3 problems):"), message);
        assertTrue(message.contains("\n  - wechat.token.app-ids: names app wxGONE, which is not configured in wechat.app-id or wechat.apps"),
                message);
        assertTrue(message.contains("\n  - wechat.push.app-ids: names app wxLOST, which is not configured in wechat.app-id or wechat.apps"),
                message);
        assertTrue(message.contains("\n  - wechat.push.app-ids: names app wxMINI, a miniprogram app; only official apps are allowed here"),
                message);
    }

    @Test
    void firstLoginOfWhenApiClientsSetTheirOwnThenThatElseTheDeploymentDefault() {
        Map<String, String> v = threeApps();
        v.put("wechat.app.wxAPP.first-login", " Register ");
        v.put("wechat.app.wxMINI.first-login", "bind");
        WeChatApps apps = read(v);
        assertEquals(Optional.of(FirstLoginPolicy.REGISTER), apps.firstLoginOf("wxAPP"));
        assertEquals(Optional.of(FirstLoginPolicy.BIND), apps.firstLoginOf("wxMINI"));
        assertEquals(Optional.empty(), apps.firstLoginOf("wxWEB"), "not set: wechat.first-login applies");
        assertEquals(Optional.empty(), apps.firstLoginOf("wxOA"));
        assertEquals(Optional.empty(), apps.firstLoginOf(null));
        assertTrue(apps.toString().contains("wxAPP (mobile, first-login REGISTER)"), apps.toString());
    }

    @Test
    void readWhenFirstLoginWrongOrOnAWebAppThenListedWithTheOtherProblems() {
        Map<String, String> v = threeApps();
        v.put("wechat.app.wxAPP.first-login", "create");
        v.put("wechat.app.wxWEB.first-login", "register");
        v.put("wechat.token.app-ids", "wxGONE");
        String message = failure(v);
        assertTrue(message.startsWith("WxBind is misconfigured (3 problems):"), message);
        assertTrue(message.contains("\n  - wechat.app.wxAPP.first-login: must be 'bind' or 'register', was 'create'"), message);
        assertTrue(message.contains("\n  - wechat.app.wxWEB.first-login: only miniprogram and mobile apps have a first-login policy of their own;"
                + " a website app follows wechat.first-login"), message);
    }

    @Test
    void readWhenAppSecretDeclaredInCodeThenRefusedLikeEveryOtherSecret() {
        Map<String, String> mp = threeApps();
        mp.remove("wechat.app.wxWEB.secret");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WxBindSettings.read(k -> Optional.ofNullable(mp.get(k)), Map.of("wechat.app.wxWEB.secret", WEB_SECRET)));
        assertTrue(e.getMessage().contains("wechat.app.wxWEB.secret: a secret is never declared in code"), e.getMessage());
        assertTrue(e.getMessage().contains("wechat.app.wxWEB.secret: required (set it as a MicroProfile Config property or the"
                + " environment variable WECHAT_APP_WXWEB_SECRET)"), "not used: " + e.getMessage());
        assertFalse(e.getMessage().contains(WEB_SECRET), e.getMessage());
    }

    @Test
    void toStringWhenLoggedThenAppsAndTypesButNoSecret() {
        Map<String, String> v = threeApps();
        WxBindSettings s = WxBindSettings.read(k -> Optional.ofNullable(v.get(k)), Map.of());
        String text = s.summary() + s.apps() + s.apps().all() + s.serverTokens();
        assertTrue(s.summary().contains("apps [wxOA (official, open-demo), wxWEB (website, open-demo), wxMINI (miniprogram, open-other),"
                + " wxAPP (mobile)]"), s.summary());
        for (String secret : List.of(OA_SECRET, WEB_SECRET, MINI_SECRET, "appSecret0123456789")) {
            assertFalse(text.contains(secret), text);
        }
    }
}
