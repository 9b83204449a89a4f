package io.wxbind.demo;

import io.wxbind.config.DemoConfig;
import io.wxbind.sms.SmsSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The demo's {@link SmsSender}: sends nothing. It prints each message on the console, clearly
 * marked, and if {@code wxbind.demo.sms-inbox-url} is set (the simulator's
 * {@code POST <sim>/control/sms}) drops it in the WeChat simulator's inbox, where the demo page
 * and the tests read the code. WAR-only, like the whole demo package: in the classes jar there is
 * no sender, so a portal without its own has no SMS binding rather than a fake one.
 */
@ApplicationScoped
public class DemoSmsSender implements SmsSender {

    /** {@code Json.createX} looks the provider up on the class path on every call: once is enough. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(DemoSmsSender.class.getName());

    @Inject
    DemoConfig settings;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public void send(String phone, String text) {
        // The demo shows the code on purpose; a real sender never logs the text.
        LOG.info(() -> "[DEMO SMS, not sent] to " + phone + ": " + text);
        settings.smsInboxUrl().ifPresent(url -> postToInbox(url, phone, text));
    }

    private void postToInbox(URI url, String phone, String text) {
        String body = JSON.createObjectBuilder().add("phone", phone).add("text", text).build().toString();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                LOG.warning(() -> "[DEMO SMS] simulator inbox " + url + " answered HTTP " + response.statusCode());
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning(() -> "[DEMO SMS] simulator inbox " + url + " not reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
