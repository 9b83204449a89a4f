package io.wxbind.token;

import io.wxbind.config.WeChatConfig;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatHttp;
import io.wxbind.wechat.WeChatParams;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Calls a WeChat server API with the app's access token. A token error (40001, 40014, 42001)
 * retires that exact token, refreshes once and retries once: never a loop (WxJava's rule).
 * {@code -1} (busy) is retried with a bounded back-off.
 */
@ApplicationScoped
public class WeChatServerApi {

    static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 40014, 42001);
    static final long[] BUSY_BACKOFF_MS = {200, 500, 1000};

    /** The answer, and what it took: tests and metrics check that rotations cost no token errors. */
    public record Response(JsonObject json, int attempts, int tokenErrors) {
    }

    @Inject
    AccessTokenProvider tokens;

    @Inject
    WeChatConfig config;

    private WeChatHttp http;

    @PostConstruct
    void init() {
        http = new WeChatHttp(config.apiBaseUrl(), config.httpTimeout());
    }

    public Response get(String appId, String path, Map<String, String> query) {
        return call(appId, token -> http.get(path, withToken(token, query)));
    }

    public Response postJson(String appId, String path, JsonObject body) {
        return call(appId, token -> http.postJson(path, withToken(token, Map.of()), body));
    }

    private Response call(String appId, Function<String, JsonObject> request) {
        int attempts = 0;
        int tokenErrors = 0;
        int busy = 0;
        while (true) {
            String token = tokens.get(appId);
            attempts++;
            try {
                return new Response(request.apply(token), attempts, tokenErrors);
            } catch (WeChatApiException e) {
                if (TOKEN_ERRORS.contains(e.errcode()) && tokenErrors == 0) {
                    tokenErrors++;
                    tokens.reportInvalid(appId, token);
                } else if (e.errcode() == -1 && busy < BUSY_BACKOFF_MS.length) {
                    sleep(BUSY_BACKOFF_MS[busy++]);
                } else {
                    throw e;
                }
            }
        }
    }

    private static Map<String, String> withToken(String token, Map<String, String> query) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put(WeChatParams.ACCESS_TOKEN, token);
        q.putAll(query);
        return q;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
