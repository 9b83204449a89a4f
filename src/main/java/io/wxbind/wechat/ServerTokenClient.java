package io.wxbind.wechat;

import io.wxbind.config.ServerTokenConfig;
import io.wxbind.config.WeChatConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fetches server access tokens (§4.1 {@code cgi-bin/token}, §4.2 {@code cgi-bin/stable_token}).
 * Only the token refresher calls this, under the cluster-wide row lock.
 */
@ApplicationScoped
public class ServerTokenClient {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** A token as WeChat issued it; the value never appears in {@link #toString()}. */
    public record ServerToken(String accessToken, long expiresInSeconds) {
        @Override
        public String toString() {
            return "ServerToken[expiresIn=" + expiresInSeconds + "]";
        }
    }

    @Inject
    WeChatConfig config;

    private WeChatHttp http;

    public ServerTokenClient() {
    }

    /** For tests outside a container. */
    public ServerTokenClient(WeChatConfig config) {
        this.config = config;
        init();
    }

    @PostConstruct
    void init() {
        http = new WeChatHttp(config.apiBaseUrl(), config.httpTimeout());
    }

    public ServerToken fetch(ServerTokenConfig.App app, boolean forceRefresh) {
        JsonObject json;
        if (app.endpoint() == ServerTokenConfig.Endpoint.CLASSIC) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put(WeChatParams.GRANT_TYPE, "client_credential");
            q.put(WeChatParams.APPID, app.appId());
            q.put(WeChatParams.SECRET, app.secret());
            json = http.get("/cgi-bin/token", q);
        } else {
            json = http.postJson("/cgi-bin/stable_token", Map.of(), JSON.createObjectBuilder()
                    .add(WeChatParams.GRANT_TYPE, "client_credential").add(WeChatParams.APPID, app.appId())
                    .add(WeChatParams.SECRET, app.secret()).add("force_refresh", forceRefresh).build());
        }
        String token = json.getString(WeChatParams.ACCESS_TOKEN, null);
        long expiresIn = JsonFields.longValue(json, WeChatParams.EXPIRES_IN, 0);
        if (token == null || token.isBlank() || expiresIn <= 0) {
            throw new WeChatUnavailableException("WeChat answered a token request without access_token/expires_in");
        }
        return new ServerToken(token, expiresIn);
    }
}
