package io.wxbind.it.support;

import static io.wxbind.it.support.ItSupport.assertNoStackTrace;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** An API client without cookies, for JSON APIs: every answer is checked to be no 500 and no stack trace. */
public final class JsonApi {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private JsonApi() {
    }

    /** Sends with {@code Accept: application/json} and a 30 s time-out. */
    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertTrue(r.statusCode() < 500, r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
            assertNoStackTrace(r.body());
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body as a JSON object; the answer must say it is JSON. */
    public static JsonObject json(HttpResponse<String> r) {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        return Json.createReader(new StringReader(r.body())).readObject();
    }
}
