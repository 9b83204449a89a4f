package io.wxbind.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.wxbind.config.WeChatConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a local stub server fed WeChat's JSON bodies, error bodies included. */
class JdkWeChatApiClientTest {

    private HttpServer server;
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> lastQuery = new AtomicReference<>();
    private volatile int status = 200;
    private volatile long delayMs;
    private JdkWeChatApiClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            lastQuery.set(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        Map<String, String> v = Map.of("wechat.app-id", "wxAPP", "wechat.app-secret", "SECRET",
                "wechat.api-base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/api", "wechat.http-timeout-ms", "500");
        WeChatConfig config = WeChatConfig.read(k -> Optional.ofNullable(v.get(k)));
        client = new JdkWeChatApiClient(config);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void exchangeCodeWhenSuccessThenFieldsParsedAndRequestExact() {
        body.set("{\"access_token\":\"AT\",\"expires_in\":7200,\"refresh_token\":\"RT\",\"openid\":\"oOPEN\","
                + "\"scope\":\"snsapi_userinfo,\",\"unionid\":\"oUNION\"}");
        OAuthAccessToken t = client.exchangeCode("C/1+2");
        assertEquals("/api/sns/oauth2/access_token?appid=wxAPP&secret=SECRET&code=C%2F1%2B2&grant_type=authorization_code", lastQuery.get());
        assertEquals("oOPEN", t.openId());
        assertEquals("oUNION", t.unionId());
        assertEquals(Set.of("snsapi_userinfo"), t.scopes());
        assertFalse(t.snapshotUser());
        assertFalse(t.toString().contains("AT"), "token must not be printable: " + t);
    }

    @Test
    void exchangeCodeWhenSnapshotUserAndNoUnionIdThenFlagged() {
        body.set("{\"access_token\":\"AT\",\"expires_in\":\"7200\",\"openid\":\"oV\",\"scope\":\"snsapi_userinfo\",\"is_snapshotuser\":1}");
        OAuthAccessToken t = client.exchangeCode("C");
        assertTrue(t.snapshotUser());
        assertNull(t.unionId());
        assertEquals(7200, t.expiresIn());
    }

    @Test
    void exchangeCodeWhenErrcodeThenApiExceptionWithCode() {
        body.set("{\"errcode\":40163,\"errmsg\":\"code been used, rid: 6566e449-0cdfe7be-7588f1a9\"}");
        WeChatApiException e = assertThrows(WeChatApiException.class, () -> client.exchangeCode("C"));
        assertEquals(40163, e.errcode());
        assertEquals(WeChatError.CODE_USED, e.error());
        assertFalse(e.getMessage().contains("SECRET"));
    }

    @Test
    void exchangeCodeWhenErrcodeZeroThenSuccess() {
        body.set("{\"errcode\":0,\"errmsg\":\"ok\",\"openid\":\"oX\",\"access_token\":\"A\"}");
        assertEquals("oX", client.exchangeCode("C").openId());
    }

    @Test
    void exchangeCodeWhenHttp5xxOrGarbageOrNoOpenidThenUnavailable() {
        status = 503;
        body.set("busy");
        assertThrows(WeChatUnavailableException.class, () -> client.exchangeCode("C"));
        status = 200;
        body.set("<html>proxy error</html>");
        assertThrows(WeChatUnavailableException.class, () -> client.exchangeCode("C"));
        body.set("[1,2]");
        assertThrows(WeChatUnavailableException.class, () -> client.exchangeCode("C"));
        body.set("{\"access_token\":\"A\"}");
        assertThrows(WeChatUnavailableException.class, () -> client.exchangeCode("C"));
    }

    @Test
    void exchangeCodeWhenSlowerThanTimeoutThenUnavailable() {
        delayMs = 1500;
        body.set("{}");
        WeChatUnavailableException e = assertThrows(WeChatUnavailableException.class, () -> client.exchangeCode("C"));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }

    @Test
    void userInfoWhenSuccessThenProfileAndOpenIdChecked() {
        body.set("{\"openid\":\"oOPEN\",\"nickname\":\"张伟\",\"sex\":0,\"province\":\"\",\"headimgurl\":\"\",\"privilege\":[],\"unionid\":\"oU\"}");
        OAuthAccessToken token = new OAuthAccessToken("AT", 7200, "RT", "oOPEN", Set.of("snsapi_userinfo"), null, false);
        WeChatUserProfile p = client.userInfo(token);
        assertEquals("/api/sns/userinfo?access_token=AT&openid=oOPEN&lang=zh_CN", lastQuery.get());
        assertEquals("张伟", p.nickname());
        assertNull(p.avatarUrl(), "empty headimgurl means no avatar");
        assertEquals("oU", p.unionId());
        body.set("{\"openid\":\"oSOMEONE_ELSE\",\"nickname\":\"x\"}");
        assertThrows(WeChatUnavailableException.class, () -> client.userInfo(token));
    }

    @Test
    void userInfoWhenBaseScopeTokenThen48001() {
        body.set("{\"errcode\":48001,\"errmsg\":\"api unauthorized, rid: a-b-c\"}");
        OAuthAccessToken token = new OAuthAccessToken("AT", 7200, "RT", "oOPEN", Set.of("snsapi_base"), null, false);
        assertEquals(WeChatError.API_UNAUTHORIZED, assertThrows(WeChatApiException.class, () -> client.userInfo(token)).error());
    }
}
