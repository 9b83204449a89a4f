package io.wxbind.simulator.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wxbind.simulator.config.PushMode;
import io.wxbind.simulator.push.PushAttempt.Outcome;
import io.wxbind.simulator.web.QueryParams;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sender against a local developer server ({@link Receiver}, JDK HttpServer) that checks
 * every push with an independent implementation of the protocol: WxJava's {@code SHA1} and
 * {@code WxCryptUtil}.
 */
class PushSenderTest {

    static final String TOKEN = "pamtest";
    static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String APPID = "wxb11529c136998cb6";
    static final String GH = "gh_7f083739789a";
    static final String OPENID = "oia2TjjewbmiOUlr6X-1crbLOvLw";

    private final PushSender sender = new PushSender(Clock.systemUTC(), RetryPolicy.WECHAT);
    private final Receiver receiver = new Receiver(TOKEN, KEY, APPID);

    @AfterEach
    void stop() {
        receiver.close();
    }

    private PushTarget target(PushMode mode, Duration timeout) {
        return new PushTarget(receiver.url(), mode, TOKEN, KEY, APPID, timeout, "override");
    }

    private static PushMessage subscribe() {
        return PushMessage.event(GH, OPENID, 1700000000L, "subscribe", "qrscene_bind:n0nce", "TICKET+/=");
    }

    @Test
    void sendWhenPlainModeAndSuccessThenOneSignedDelivery() {
        receiver.answer(r -> Receiver.Answer.ok("success"));
        PushSender.Result result = sender.send(target(PushMode.PLAIN, PushTarget.WECHAT_TIMEOUT), subscribe());
        assertTrue(result.delivered(), result.toString());
        assertEquals(1, result.attempts().size());
        assertNull(result.reply());
        Receiver.Request request = receiver.requests().get(0);
        assertEquals(List.of(), receiver.problems());
        assertEquals(subscribe().xml(), request.body());
        assertEquals(subscribe().xml(), request.plaintext());
        assertEquals(OPENID, request.query().get("openid"));
        assertFalse(request.query().containsKey("encrypt_type"));
        assertTrue(request.contentType().startsWith("text/xml"), request.contentType());
    }

    @Test
    void sendWhenCompatibleModeThenPlainFieldsAndEncryptThatWxJavaDecrypts() {
        receiver.answer(r -> Receiver.Answer.ok(""));
        assertTrue(sender.send(target(PushMode.COMPATIBLE, PushTarget.WECHAT_TIMEOUT), subscribe()).delivered());
        Receiver.Request request = receiver.requests().get(0);
        assertEquals(List.of(), receiver.problems());
        assertEquals("aes", request.query().get("encrypt_type"));
        assertTrue(request.body().startsWith(subscribe().xml().replace("</xml>", "<Encrypt>")), request.body());
        assertEquals(subscribe().xml(), request.plaintext());
    }

    @Test
    void sendWhenAesModeAndEncryptedReplyThenOnlyToUserAndEncryptAndReplyDecrypted() {
        receiver.answer(r -> Receiver.Answer.ok(receiver.encryptedReply(
                PushXml.start().text("ToUserName", OPENID).text("FromUserName", GH).number("CreateTime", 1700000001L)
                        .text("MsgType", "text").text("Content", "绑定成功 bound to alice").end())));
        PushSender.Result result = sender.send(target(PushMode.AES, PushTarget.WECHAT_TIMEOUT), subscribe());
        assertEquals(new PassiveReply("text", "绑定成功 bound to alice", true), result.reply());
        Receiver.Request request = receiver.requests().get(0);
        assertEquals(List.of(), receiver.problems());
        Map<String, String> envelope = PushXml.parse(request.body());
        assertEquals(List.of("ToUserName", "Encrypt"), List.copyOf(envelope.keySet()));
        assertEquals(GH, envelope.get("ToUserName"));
        assertEquals(subscribe().xml(), request.plaintext());
    }

    @Test
    void sendWhenAnswersLateThenRetriedWithSameMessageUntilInTime() {
        receiver.answer(r -> receiver.requests().size() <= 2 ? new Receiver.Answer(200, "success", 2500)
                : Receiver.Answer.ok("success"));
        PushMessage text = PushMessage.text(GH, OPENID, 1700000000L, "bind", 7000000000000000123L);
        PushSender.Result result = sender.send(target(PushMode.COMPATIBLE, Duration.ofMillis(1000)), text);
        assertTrue(result.delivered(), result.toString());
        assertEquals(List.of(Outcome.TIMEOUT, Outcome.TIMEOUT, Outcome.ACCEPTED),
                result.attempts().stream().map(PushAttempt::outcome).toList());
        List<Receiver.Request> requests = receiver.requests();
        assertEquals(3, requests.size());
        requests.forEach(r -> assertEquals(text.xml(), r.plaintext(), "same CreateTime and MsgId on every delivery"));
        assertNotEquals(requests.get(0).query().get("nonce"), requests.get(1).query().get("nonce"));
        assertEquals(List.of(), receiver.problems());
    }

    @Test
    void sendWhenErrorStatusOrInvalidReplyThenThreeRetriesThenFailed() {
        receiver.answer(r -> new Receiver.Answer(500, "boom", 0));
        PushSender.Result failed = sender.send(target(PushMode.PLAIN, PushTarget.WECHAT_TIMEOUT), subscribe());
        assertFalse(failed.delivered());
        assertEquals(4, failed.attempts().size());
        assertEquals("HTTP 500", failed.failure());

        receiver.answer(r -> Receiver.Answer.ok("<xml><ToUserName><![CDATA[wrong]]></ToUserName></xml>"));
        PushSender.Result invalid = sender.send(target(PushMode.PLAIN, PushTarget.WECHAT_TIMEOUT), subscribe());
        assertEquals(4, invalid.attempts().size());
        assertTrue(invalid.attempts().stream().allMatch(a -> a.outcome() == Outcome.INVALID_REPLY));
        assertTrue(invalid.failure().contains("ToUserName"), invalid.failure());
    }

    @Test
    void sendWhenNobodyListensOrNoTokenThenFailedWithReason() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PushTarget nowhere = new PushTarget("http://127.0.0.1:" + closedPort + "/push", PushMode.PLAIN, TOKEN, null,
                APPID, PushTarget.WECHAT_TIMEOUT, "override");
        PushSender.Result unreachable = sender.send(nowhere, subscribe());
        assertEquals(4, unreachable.attempts().size());
        assertTrue(unreachable.attempts().stream().allMatch(a -> a.outcome() == Outcome.UNREACHABLE));

        PushTarget noToken = new PushTarget(receiver.url(), PushMode.PLAIN, null, null, APPID,
                PushTarget.WECHAT_TIMEOUT, "override");
        PushSender.Result unconfigured = sender.send(noToken, subscribe());
        assertTrue(unconfigured.attempts().isEmpty());
        assertTrue(unconfigured.failure().contains("token"), unconfigured.failure());
        assertTrue(receiver.requests().isEmpty());
    }

    /**
     * A developer server for tests: verifies {@code signature} (and {@code msg_signature} with
     * decryption in the encrypted modes) with WxJava, records each request, answers as told.
     */
    static final class Receiver implements AutoCloseable {

        /** What the receiver saw: query, raw body, the decrypted (or plain) message. */
        record Request(Map<String, String> query, String body, String plaintext, String contentType) {
        }

        record Answer(int status, String body, long delayMs) {
            static Answer ok(String body) {
                return new Answer(200, body, 0);
            }
        }

        private final String token;
        private final WxCryptUtil crypt;
        private final HttpServer server;
        private final ExecutorService executor = Executors.newCachedThreadPool();
        private final List<Request> requests = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private volatile Function<Request, Answer> behaviour = r -> Answer.ok("success");

        Receiver(String token, String aesKey, String appId) {
            this.token = token;
            this.crypt = new WxCryptUtil(token, aesKey, appId);
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/push", this::handle);
            server.setExecutor(executor);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/push";
        }

        void answer(Function<Request, Answer> answer) {
            this.behaviour = answer;
        }

        synchronized List<Request> requests() {
            return List.copyOf(requests);
        }

        synchronized List<String> problems() {
            return List.copyOf(problems);
        }

        /** A safe-mode reply as WxJava builds it (its own timestamp, nonce and signature). */
        String encryptedReply(String replyXml) {
            return crypt.encrypt(replyXml);
        }

        private void handle(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> query = QueryParams.parse(exchange.getRequestURI().getRawQuery());
            String plaintext = verify(query, body);
            Request request = new Request(query, body, plaintext,
                    String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            synchronized (this) {
                requests.add(request);
            }
            Answer answer = behaviour.apply(request);
            try {
                if (answer.delayMs() > 0) {
                    Thread.sleep(answer.delayMs());
                }
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (InterruptedException | IOException e) {
                // the sender gave up waiting (timeout): nobody reads the answer
            } finally {
                exchange.close();
            }
        }

        private String verify(Map<String, String> q, String body) {
            if (!SHA1.gen(token, q.get("timestamp"), q.get("nonce")).equals(q.get("signature"))) {
                problem("signature mismatch");
            }
            if (!"aes".equals(q.get("encrypt_type"))) {
                return body;
            }
            try {
                return crypt.decryptXml(q.get("msg_signature"), q.get("timestamp"), q.get("nonce"), body);
            } catch (RuntimeException e) {
                problem("msg_signature or decryption failed: " + e);
                return null;
            }
        }

        private synchronized void problem(String problem) {
            problems.add(problem);
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
