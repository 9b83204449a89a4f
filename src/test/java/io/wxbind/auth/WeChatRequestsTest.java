package io.wxbind.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.testsupport.FakeHttp;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeChatRequestsTest {

    private final WeChatRequests requests = new WeChatRequests(Set.of("/wechat/login", "/wechat/bind", "/sso/wechat"), true);

    @Test
    void isWeChatWhenWxBindPathOrDefinedPathThenTrue() {
        assertTrue(requests.isWeChat(new FakeHttp.Request().uri("/wxbind/wechat/callback").build()));
        assertTrue(requests.isWeChat(new FakeHttp.Request().uri("/wxbind/wechat/qr-confirm").build()));
        assertTrue(requests.isWeChat(new FakeHttp.Request().uri("/wxbind/sso/wechat").build()));
    }

    @Test
    void isWeChatWhenWeChatBrowserOnAnyPageThenTrue() {
        assertTrue(requests.isWeChat(new FakeHttp.Request().uri("/wxbind/app/orders")
                .header("User-Agent", "Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 MicroMessenger/8.0.49 NetType/WIFI").build()));
    }

    @Test
    void isWeChatWhenBearerThenTrueUnlessBearerTokensOff() {
        var request = new FakeHttp.Request().uri("/wxbind/api/me").header("Authorization", "Bearer abc").build();
        assertTrue(requests.isWeChat(request));
        assertFalse(new WeChatRequests(Set.of(), false).isWeChat(request));
    }

    @Test
    void isWeChatWhenAdminPageThenTheHostsLoginUnlessWeChatsBrowserOrSession() {
        String chrome = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0";
        assertFalse(requests.isWeChat(new FakeHttp.Request().uri("/wxbind/wechat/admin").header("User-Agent", chrome).build()));
        assertFalse(requests.isWeChat(new FakeHttp.Request().uri("/wxbind/wechat/admin/admin.js").header("User-Agent", chrome).build()));
        assertTrue(requests.isWeChat(new FakeHttp.Request().uri("/wxbind/wechat/administrator").header("User-Agent", chrome).build()));
        assertTrue(requests.isWeChat(new FakeHttp.Request().uri("/wxbind/wechat/admin")
                .header("User-Agent", "Mozilla/5.0 MicroMessenger/8.0.47").build()));
    }

    @Test
    void isWeChatWhenOrdinaryBrowserOnHostPagesThenFalse() {
        var chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";
        assertFalse(requests.isWeChat(new FakeHttp.Request().uri("/wxbind/app/orders").header("User-Agent", chrome).build()));
        assertFalse(requests.isWeChat(new FakeHttp.Request().uri("/wxbind/j_security_check").method("POST").build()));
        assertFalse(requests.isWeChat(new FakeHttp.Request().uri("/wxbind/wechatx").header("Authorization", "Basic eDp5").build()));
    }
}
