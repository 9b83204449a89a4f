package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The simulator's own redirects land on its pages on every server: its {@code Location} headers
 * are absolute, because JAX-RS resolves a relative one against the application's base URI, which
 * RESTEasy (WildFly) did by appending ({@code /wechat-sim/wechat-sim/choose}, 404) and Jersey
 * (Payara) as a browser would.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class SimulatorRedirectIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void authorizeWhenNobodyChosenThenRedirectToTheChooserPage() {
        String authorize = stack().simulatorOpenUrl() + "/connect/oauth2/authorize?appid=" + APP_ID + "&redirect_uri="
                + URLEncoder.encode(stack().appUrl() + "wechat/callback", StandardCharsets.UTF_8)
                + "&response_type=code&scope=snsapi_base&state=st4te";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(authorize)).GET());
        assertEquals(302, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(stack().simulatorUrl() + "choose?continue="), location);
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(location)).GET()).statusCode(), location);
    }

    @Test
    void forgetWhenPostedThenSeeOtherToTheChooserPage() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(stack().simulatorUrl() + "choose/forget"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(303, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertEquals(stack().simulatorUrl() + "choose", location);
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(location)).GET()).statusCode(), location);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
