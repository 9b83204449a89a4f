package io.wxbind.wechat;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import io.wxbind.metrics.WxBindMetrics;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One HTTP exchange with WeChat's API host, shared by every client: JSON parsed whatever the
 * Content-Type (§0), errcode bodies → {@link WeChatApiException}, timeouts/IO/non-200/non-JSON →
 * {@link WeChatUnavailableException}. URLs are never logged: they carry secrets, codes, tokens.
 */
public final class WeChatHttp {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(WeChatHttp.class.getName());

    private final HttpClient http;
    private final URI apiBaseUrl;
    private final Duration timeout;

    public WeChatHttp(URI apiBaseUrl, Duration timeout) {
        this.apiBaseUrl = apiBaseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** GET {@code path} with the query parameters in the given (map iteration) order. */
    public JsonObject get(String path, Map<String, String> query) {
        return send(path, HttpRequest.newBuilder(uri(path, query)).GET());
    }

    /** POST a JSON body, as {@code stable_token} and the message APIs require. */
    public JsonObject postJson(String path, Map<String, String> query, JsonObject body) {
        return send(path, HttpRequest.newBuilder(uri(path, query)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    private URI uri(String path, Map<String, String> query) {
        String qs = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(apiBaseUrl + path + (qs.isEmpty() ? "" : "?" + qs));
    }

    /** Counts and times each exchange ({@link WxBindMetrics#wechatCall}): errcode 0, WeChat's, or "unavailable". */
    private JsonObject send(String api, HttpRequest.Builder builder) {
        long start = System.nanoTime();
        String errcode = "unavailable";
        try {
            JsonObject json = exchange(api, builder);
            errcode = "0";
            return json;
        } catch (WeChatApiException e) {
            errcode = Integer.toString(e.errcode());
            throw e;
        } finally {
            WxBindMetrics.wechatCall(api, errcode, System.nanoTime() - start);
        }
    }

    private JsonObject exchange(String api, HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(timeout).header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            LOG.warning(() -> "WeChat " + api + " timed out after " + timeout.toMillis() + " ms");
            throw new WeChatUnavailableException("WeChat " + api + " timed out", e);
        } catch (IOException e) {
            LOG.warning(() -> "WeChat " + api + " unreachable: " + e.getClass().getSimpleName());
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

    private static JsonObject parse(String api, String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new WeChatUnavailableException("WeChat " + api + " answered something that is not a JSON object", e);
        }
    }
}
