package io.wxbind.wechat;

import io.wxbind.config.WeChatConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * {@link WeChatApiClient} on the JDK's HttpClient. Base URLs come from {@link WeChatConfig},
 * so tests and the demo point it at the simulator without code changes. Errcode bodies become
 * {@link WeChatApiException}; timeouts, IO errors, non-200 statuses and non-JSON bodies become
 * {@link WeChatUnavailableException}. URLs are never logged: they carry the secret and codes.
 */
@ApplicationScoped
public class JdkWeChatApiClient implements WeChatApiClient {

    private static final Logger LOG = Logger.getLogger(JdkWeChatApiClient.class.getName());

    @Inject
    WeChatConfig config;

    private HttpClient http;

    public JdkWeChatApiClient() {
    }

    /** For tests outside a container. */
    public JdkWeChatApiClient(WeChatConfig config) {
        this.config = config;
        init();
    }

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder()
                .connectTimeout(config.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public OAuthAccessToken exchangeCode(String code) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put(WeChatParams.APPID, config.appId());
        q.put(WeChatParams.SECRET, config.appSecret());
        q.put(WeChatParams.CODE, code);
        q.put(WeChatParams.GRANT_TYPE, "authorization_code");
        JsonObject json = get("/sns/oauth2/access_token", q);
        OAuthAccessToken token = OAuthAccessToken.from(json);
        if (token.openId() == null || token.openId().isBlank()) {
            throw new WeChatUnavailableException("sns/oauth2/access_token answered without an openid");
        }
        return token;
    }

    @Override
    public WeChatUserProfile userInfo(OAuthAccessToken token) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put(WeChatParams.ACCESS_TOKEN, token.accessToken());
        q.put(WeChatParams.OPENID, token.openId());
        q.put(WeChatParams.LANG, "zh_CN");
        WeChatUserProfile profile = WeChatUserProfile.from(get("/sns/userinfo", q));
        if (!token.openId().equals(profile.openId())) {
            throw new WeChatUnavailableException("sns/userinfo answered for another openid");
        }
        return profile;
    }

    private JsonObject get(String path, Map<String, String> query) {
        String qs = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.apiBaseUrl() + path + "?" + qs))
                .timeout(config.httpTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        return send(path, request);
    }

    private JsonObject send(String api, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            LOG.warning(() -> "WeChat " + api + " timed out after " + config.httpTimeout().toMillis() + " ms");
            throw new WeChatUnavailableException("WeChat " + api + " timed out", e);
        } catch (IOException e) {
            LOG.warning(() -> "WeChat " + api + " unreachable: " + e);
            throw new WeChatUnavailableException("WeChat " + api + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeChatUnavailableException("interrupted calling WeChat " + api, e);
        }
        if (response.statusCode() != 200) {
            LOG.warning(() -> "WeChat " + api + " answered HTTP " + response.statusCode());
            throw new WeChatUnavailableException("WeChat " + api + " answered HTTP " + response.statusCode());
        }
        JsonObject json = parse(api, response.body());
        int errcode = (int) JsonFields.longValue(json, WeChatParams.ERRCODE, 0);
        if (errcode != 0) {
            String errmsg = json.getString(WeChatParams.ERRMSG, "");
            LOG.warning(() -> "WeChat " + api + " errcode " + errcode + ": " + errmsg);
            throw new WeChatApiException(api, errcode, errmsg);
        }
        return json;
    }

    /** Parsed whatever the Content-Type says: some endpoints send text/plain (§0). */
    private static JsonObject parse(String api, String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new WeChatUnavailableException("WeChat " + api + " answered something that is not a JSON object", e);
        }
    }
}
