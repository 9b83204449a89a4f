package io.wxbind.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import io.wxbind.wechat.WeChatApiException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retry rules against a stub WeChat: one token retry, bounded busy retries, no loops. */
class WeChatServerApiTest {

    private HttpServer server;
    private final Deque<String> answers = new ConcurrentLinkedDeque<>();
    private final List<String> tokensSeen = new ArrayList<>();
    private final List<String> reported = new ArrayList<>();
    private WeChatServerApi api;
    private int tokenGeneration = 1;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            tokensSeen.add(ex.getRequestURI().getQuery());
            byte[] body = answers.isEmpty() ? "{\"ip_list\":[\"1.2.3.4\"]}".getBytes() : answers.poll().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        api = new WeChatServerApi();
        api.config = io.wxbind.config.WeChatConfig.read(k -> java.util.Optional.ofNullable(Map.of(
                "wechat.app-id", "wxA", "wechat.app-secret", "s",
                "wechat.api-base-url", "http://127.0.0.1:" + server.getAddress().getPort()).get(k)));
        api.tokens = new AccessTokenProvider() {
            @Override
            public String get(String appId) {
                return "T" + tokenGeneration;
            }

            @Override
            public void reportInvalid(String appId, String badToken) {
                reported.add(badToken);
                tokenGeneration++;
            }
        };
        api.init();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void callWhenTokenRejectedOnceThenRetiredAndRetriedOnce() {
        answers.add("{\"errcode\":40001,\"errmsg\":\"invalid credential, rid: a-b-c\"}");
        WeChatServerApi.Response r = api.get("wxA", "/cgi-bin/get_api_domain_ip", Map.of());
        assertEquals(2, r.attempts());
        assertEquals(1, r.tokenErrors());
        assertEquals(List.of("T1"), reported);
        assertEquals(List.of("access_token=T1", "access_token=T2"), tokensSeen);
    }

    @Test
    void callWhenTokenRejectedTwiceThenFailsWithoutLoop() {
        answers.add("{\"errcode\":40001,\"errmsg\":\"x\"}");
        answers.add("{\"errcode\":42001,\"errmsg\":\"x\"}");
        assertEquals(42001, assertThrows(WeChatApiException.class, () -> api.get("wxA", "/x", Map.of())).errcode());
        assertEquals(1, reported.size());
        assertEquals(2, tokensSeen.size());
    }

    @Test
    void callWhenBusyThenBoundedRetries() {
        for (int i = 0; i < 10; i++) {
            answers.add("{\"errcode\":-1,\"errmsg\":\"system error\"}");
        }
        assertEquals(-1, assertThrows(WeChatApiException.class, () -> api.get("wxA", "/x", Map.of())).errcode());
        assertEquals(1 + WeChatServerApi.BUSY_BACKOFF_MS.length, tokensSeen.size());
        answers.clear();
        answers.add("{\"errcode\":-1,\"errmsg\":\"system error\"}");
        assertEquals(2, api.get("wxA", "/x", Map.of()).attempts());
    }

    @Test
    void callWhenOtherErrorThenNoRetry() {
        answers.add("{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"}");
        assertThrows(WeChatApiException.class, () -> api.get("wxA", "/x", Map.of()));
        assertEquals(1, tokensSeen.size());
        assertEquals(List.of(), reported);
    }
}
