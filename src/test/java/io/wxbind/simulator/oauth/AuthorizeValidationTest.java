package io.wxbind.simulator.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.IpAllowList;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.config.SimConfig;
import io.wxbind.simulator.config.SimDefaults;
import io.wxbind.simulator.oauth.AuthorizeValidation.Rejected;
import io.wxbind.simulator.oauth.AuthorizeValidation.Valid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizeValidationTest {

    private final SimConfig config = SimConfig.defaults();

    private static Map<String, String> params(String... pairs) {
        Map<String, String> params = new HashMap<>(Map.of("appid", SimDefaults.OFFICIAL_APP_ID,
                "redirect_uri", "http://localhost:8080/cb", "response_type", "code", "scope", "snsapi_base",
                "state", "abc123"));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                params.remove(pairs[i]);
            } else {
                params.put(pairs[i], pairs[i + 1]);
            }
        }
        return params;
    }

    private String rejectedCode(Map<String, String> params) {
        return assertInstanceOf(Rejected.class, AuthorizeValidation.oauth2(params, config)).code();
    }

    @Test
    void oauth2WhenParametersMissingThenWeChatPageCodes() {
        assertEquals("10012", rejectedCode(params("appid", null)));
        assertEquals("10011", rejectedCode(params("redirect_uri", "")));
        assertEquals("10010", rejectedCode(params("scope", null)));
        assertEquals("response_type", rejectedCode(params("response_type", "token")));
    }

    @Test
    void oauth2WhenAppUnknownOrWebsiteThen10016AndMiniProgramThen10005() {
        assertEquals("10016", rejectedCode(params("appid", "wxunknown")));
        assertEquals("10016", rejectedCode(params("appid", SimDefaults.WEBSITE_APP_ID)));
        assertEquals("10005", rejectedCode(params("appid", SimDefaults.MINIPROGRAM_APP_ID)));
        assertEquals("10005", rejectedCode(params("scope", "snsapi_login")));
    }

    @Test
    void oauth2WhenStateTooLongOrBadCharsThenStateError() {
        assertEquals("state", rejectedCode(params("state", "a".repeat(129))));
        assertEquals("state", rejectedCode(params("state", "abc-def")));
        assertInstanceOf(Valid.class, AuthorizeValidation.oauth2(params("state", "a".repeat(128)), config));
        assertInstanceOf(Valid.class, AuthorizeValidation.oauth2(params("state", null), config));
    }

    @Test
    void oauth2WhenRedirectNotOnAuthorizationDomainThen10003() {
        SimApp restricted = new SimApp("wxr", "s", AppType.OFFICIAL, "R", null, "login.example.com", null, null,
                null, 7200, 300, 2000, IpAllowList.none());
        SimConfig withDomain = new SimConfig(List.of(restricted), SimDefaults.people(), "x", "test");
        Map<String, String> base = params("appid", "wxr");
        base.put("redirect_uri", "https://evil.example.com/cb");
        assertEquals("10003", assertInstanceOf(Rejected.class, AuthorizeValidation.oauth2(base, withDomain)).code());
        base.put("redirect_uri", "https://sub.login.example.com/cb");
        assertEquals("10003", assertInstanceOf(Rejected.class, AuthorizeValidation.oauth2(base, withDomain)).code());
        base.put("redirect_uri", "http://LOGIN.example.com:8443/cb?x=1");
        assertInstanceOf(Valid.class, AuthorizeValidation.oauth2(base, withDomain));
    }

    @Test
    void oauth2WhenRedirectNotAbsoluteHttpThen10003() {
        assertEquals("10003", rejectedCode(params("redirect_uri", "/relative")));
        assertEquals("10003", rejectedCode(params("redirect_uri", "javascript:alert(1)")));
        assertEquals("10003", rejectedCode(params("redirect_uri", "http://bad host/")));
    }

    @Test
    void qrConnectWhenWebsiteAndLoginScopeThenValidElse10005() {
        Map<String, String> qr = params("appid", SimDefaults.WEBSITE_APP_ID, "scope", "snsapi_login",
                "state", "x-y_z");
        assertInstanceOf(Valid.class, AuthorizeValidation.qrConnect(qr, config));
        qr.put("scope", "snsapi_userinfo");
        assertEquals("10005", assertInstanceOf(Rejected.class, AuthorizeValidation.qrConnect(qr, config)).code());
        qr.put("scope", "snsapi_login");
        qr.put("appid", SimDefaults.OFFICIAL_APP_ID);
        assertEquals("10005", assertInstanceOf(Rejected.class, AuthorizeValidation.qrConnect(qr, config)).code());
    }

    @Test
    void redirectWhenQueryOrFragmentPresentThenParamsJoinedCorrectly() {
        SimApp app = config.app(SimDefaults.OFFICIAL_APP_ID).orElseThrow();
        assertEquals("http://h/cb?code=C&state=S",
                new AuthorizeRequest(app, "http://h/cb", "snsapi_base", "S").redirectWithCode("C"));
        assertEquals("http://h/cb?x=1&code=C&state=S",
                new AuthorizeRequest(app, "http://h/cb?x=1", "snsapi_base", "S").redirectWithCode("C"));
        assertEquals("http://h/cb?code=C&state=S#frag",
                new AuthorizeRequest(app, "http://h/cb#frag", "snsapi_base", "S").redirectWithCode("C"));
        assertEquals("http://h/cb?x=1&state=S",
                new AuthorizeRequest(app, "http://h/cb?x=1", "snsapi_userinfo", "S").redirectDenied());
        assertEquals("http://h/cb?code=C&state=",
                new AuthorizeRequest(app, "http://h/cb", "snsapi_base", "").redirectWithCode("C"));
        assertEquals("http://h/cb?code=C&state=a%20b%26c",
                new AuthorizeRequest(app, "http://h/cb", "snsapi_login", "a b&c").redirectWithCode("C"));
    }
}
