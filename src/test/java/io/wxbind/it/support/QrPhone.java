package io.wxbind.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phone's side of a scanned QR in the integration tests: the confirm link from the scan's
 * passive reply, the confirm page it opens inside WeChat, its two buttons; and a Server-Sent-Events
 * reader for the pages that wait for the phone.
 */
public final class QrPhone {

    private static final Pattern LINK = Pattern.compile("(http\\S+/wechat/qr-confirm\\?t=[A-Za-z0-9]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");
    private static final Pattern ID = Pattern.compile("name=\"id\" value=\"([A-Za-z0-9]+)\"");

    private QrPhone() {
    }

    /** The confirm link in the passive reply to a scan ({@code SimControl.scan}'s answer). */
    public static String confirmLink(JsonObject scan) {
        Matcher m = LINK.matcher(scan.getString("reply", ""));
        assertTrue(m.find(), "no confirm link in the reply: " + scan);
        return m.group(1);
    }

    /** Opens the confirm link as {@code phone}; the last hop is the question (or a refusal). */
    public static WeChatBrowser.Chain open(WeChatBrowser phone, String link) {
        return phone.open(link);
    }

    /** Opens the link and expects the question page. */
    public static WeChatBrowser.Page question(WeChatBrowser phone, String link) {
        WeChatBrowser.Chain chain = open(phone, link);
        assertEquals(200, chain.last().status(), chain + " " + chain.last().body());
        assertTrue(chain.last().body().contains("id=\"confirm-question\""), chain.last().body());
        assertTrue(chain.onlyRedirectsBeforeLast(), chain.toString());
        return chain.last();
    }

    /** Taps {@code answer} ("confirm" or "not-me") on a question page, with its form token. */
    public static WeChatBrowser.Page answer(WeChatBrowser phone, WeChatBrowser.Page question, String answer) {
        return phone.post(question.uri().resolve(question.uri().getPath()).toString(),
                Map.of("csrf", group(CSRF, question.body()), "id", group(ID, question.body()), "answer", answer));
    }

    /** The same form without the token (or with another browser's), as a forged post would be. */
    public static WeChatBrowser.Page answerWithout(WeChatBrowser phone, WeChatBrowser.Page question, String answer) {
        return phone.post(question.uri().resolve(question.uri().getPath()).toString(),
                Map.of("id", group(ID, question.body()), "answer", answer, "csrf", "")); // an empty token: WeChatBrowser adds none
    }

    /** The {@code data-outcome} of an answer's result page. */
    public static String outcome(WeChatBrowser.Page done) {
        Matcher m = Pattern.compile("data-outcome=\"([a-z]+)\"").matcher(done.body());
        return m.find() ? m.group(1) : null;
    }

    private static String group(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertTrue(m.find(), p + " not in " + html);
        return m.group(1);
    }

    /** An open SSE stream, read in the background: wait for a status, or for the end. */
    public static final class Follower {
        private final StringBuffer seen = new StringBuffer();
        private final CompletableFuture<String> ended;

        private Follower(Iterator<String> lines) {
            ended = CompletableFuture.supplyAsync(() -> {
                lines.forEachRemaining(l -> seen.append(l).append('\n'));
                return seen.toString();
            });
        }

        /** Waits until a {@code status} event with this status has arrived (so the next step happens after it). */
        public Follower awaitStatus(String status) throws InterruptedException {
            String wanted = "\"status\":\"" + status + "\"";
            for (int i = 0; i < 300 && !seen.toString().contains(wanted); i++) {
                Thread.sleep(100);
            }
            assertTrue(seen.toString().contains(wanted), "no " + wanted + " in " + seen);
            return this;
        }

        /** Everything, once the server has closed the stream. */
        public String end() throws Exception {
            return ended.get(60, TimeUnit.SECONDS);
        }
    }

    /** Opens an SSE stream with {@code browser}'s cookies (200 expected) and reads it in the background. */
    public static Follower follow(WeChatBrowser browser, String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(browser.cookies()).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60)).build();
        HttpResponse<java.util.stream.Stream<String>> connected = http.sendAsync(req, HttpResponse.BodyHandlers.ofLines())
                .get(15, TimeUnit.SECONDS);
        assertEquals(200, connected.statusCode());
        return new Follower(connected.body().iterator());
    }

    /** An SSE stream held open until {@link #close}: it was admitted and sent its first status. */
    public static AutoCloseable hold(WeChatBrowser browser, String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(browser.cookies()).build();
        HttpResponse<java.util.stream.Stream<String>> connected = http.sendAsync(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofLines())
                .get(15, TimeUnit.SECONDS);
        assertEquals(200, connected.statusCode());
        java.util.stream.Stream<String> body = connected.body();
        Iterator<String> lines = body.iterator();
        while (lines.hasNext() && !lines.next().contains("\"status\"")) {
            // until the first status: the stream is really open
        }
        return body::close;
    }

    /** The status of one GET of an SSE URL, closing the stream at once if it was admitted. */
    public static int tryFollowStatus(WeChatBrowser browser, String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(browser.cookies()).build();
        HttpResponse<java.util.stream.Stream<String>> r = http.sendAsync(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        r.body().close();
        return r.statusCode();
    }

    /** One raw GET of an SSE URL: status and body (for refusals, which are plain JSON). */
    public static HttpResponse<String> tryFollow(WeChatBrowser browser, String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(browser.cookies()).build();
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
