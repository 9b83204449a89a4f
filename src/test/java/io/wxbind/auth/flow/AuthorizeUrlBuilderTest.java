package io.wxbind.auth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AuthorizeUrlBuilderTest {

    private static final URI OPEN = URI.create("https://open.weixin.qq.com");

    @Test
    void buildWhenCalledThenExactOrderEncodingAndFragment() {
        String url = AuthorizeUrlBuilder.build(OPEN, "wx1a2b3c4d5e6f7a8b",
                "https://portal.example.com/wxbind/wechat/callback?x=1&y=a b", "snsapi_base", "Abc123");
        assertEquals("https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1a2b3c4d5e6f7a8b"
                + "&redirect_uri=https%3A%2F%2Fportal.example.com%2Fwxbind%2Fwechat%2Fcallback%3Fx%3D1%26y%3Da%20b"
                + "&response_type=code&scope=snsapi_base&state=Abc123&connect_redirect=1#wechat_redirect", url);
    }

    @Test
    void buildWhenUserinfoScopeThenScopeKeptAndFragmentLast() {
        String url = AuthorizeUrlBuilder.build(URI.create("http://localhost:8080/wechat-sim/open"), "wxA",
                "http://localhost:8080/cb", "snsapi_userinfo", "S");
        assertTrue(url.startsWith("http://localhost:8080/wechat-sim/open/connect/oauth2/authorize?appid=wxA&"), url);
        assertTrue(url.contains("&scope=snsapi_userinfo&state=S&"), url);
        assertTrue(url.endsWith("#wechat_redirect"), url);
    }

    @Test
    void encodeComponentWhenSpecialCharsThenLikeEncodeUriComponent() {
        assertEquals("a%20b!'()*~%2F%3A%3F%26%3D%2B%23%E5%BE%AE", AuthorizeUrlBuilder.encodeComponent("a b!'()*~/:?&=+#微"));
    }
}
