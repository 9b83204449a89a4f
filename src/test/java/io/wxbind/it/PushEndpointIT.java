package io.wxbind.it;

import static io.wxbind.it.support.ItSupport.assertNoStackTrace;
import static io.wxbind.it.support.ItSupport.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.launch.WxBindStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The push endpoint on a real Payara Micro (protocol §6, §7): hand-built WeChat requests in
 * plaintext, compatible and safe form are answered {@code success} and recorded once; hostile
 * ones get a short 4xx and leave nothing recorded. The requests are built here, by this test's
 * own {@link Wire}, not by the production crypto they test.
 *
 * <p>Needs push configured for the simulator's app in the shared stack: token
 * {@value #TOKEN}, EncodingAESKey {@value #AES_KEY}, mode {@code compatible}.
 */
@Tag("wildfly") // also run on WildFly (pom.xml, failsafe execution "wildfly")
class PushEndpointIT {

    static final String TOKEN = "wxbinddemotoken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String APP_ID = WxBindStack.APP_ID;
    static final String ACCOUNT = "gh_7f083739789a";
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 1000);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static String endpoint;

    @BeforeAll
    static void stackUp() {
        endpoint = stack().appUrl() + "wechat/push/" + APP_ID;
    }

    /** One push as WeChat would send it; the fields can be spoiled one by one. */
    static final class Push {
        String token = TOKEN;
        long timestamp = Instant.now().getEpochSecond();
        String nonce = Long.toString(IDS.incrementAndGet());
        final String openId = "oPushIT" + IDS.incrementAndGet() + "abcdefghijklm";
        final long msgId = IDS.incrementAndGet();
        final long createTime = Instant.now().getEpochSecond();
        String xml = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openId + "]]></FromUserName>"
                + "<CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[bind me]]></Content>"
                + "<MsgId>" + msgId + "</MsgId></xml>";

        String query() {
            return "signature=" + Wire.sha1(token, Long.toString(timestamp), nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce;
        }

        String encryptedQuery(String encrypt) {
            return query() + "&encrypt_type=aes&msg_signature=" + Wire.sha1(token, Long.toString(timestamp), nonce, encrypt);
        }

        /** The key the endpoint records, as documented in V3__push_dedupe.sql. */
        String recordedKey() {
            return Wire.sha256Hex("msg|" + msgId + "|" + openId + "|" + createTime);
        }
    }

    record Answer(int status, String contentType, String body) {
    }

    static Answer send(String method, String query, String body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + (query == null ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "text/xml").method(method, publisher).build();
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Answer post(String query, String body) {
        return send("POST", query, body);
    }

    static String envelope(String encrypt) {
        return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
    }

    static void assertSuccess(Answer a) {
        assertEquals(200, a.status(), a.body());
        assertEquals("success", a.body());
    }

    static void assertRefused(int status, Answer a, Push p) {
        assertEquals(status, a.status(), a.body());
        assertTrue(a.contentType().startsWith("text/plain"), a.contentType());
        assertTrue(a.body().length() < 100, a.body());
        assertNoStackTrace(a.body());
        if (p != null) {
            assertEquals(0, recorded(p), "a refused push is not recorded");
        }
    }

    static long recorded(Push p) {
        try (Connection c = stack().database().connect();
             PreparedStatement ps = c.prepareStatement("select count(*) from wxbind_push_message where app_id = ? and msg_key = ?")) {
            ps.setString(1, APP_ID);
            ps.setString(2, p.recordedKey());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void urlVerificationWhenSignedThenEchostrElse401() {
        Push p = new Push();
        Answer ok = send("GET", p.query() + "&echostr=4375120948345356249", null);
        assertEquals(200, ok.status(), "push must be configured for " + APP_ID + " in WxBindStack.TEST_CONFIG (token " + TOKEN
                + ", aes-key, mode compatible): " + ok.body());
        assertEquals("4375120948345356249", ok.body());
        assertTrue(ok.contentType().startsWith("text/plain"), ok.contentType());
        p.token = "wrongtoken";
        assertRefused(401, send("GET", p.query() + "&echostr=1", null), null);
    }

    @Test
    void plainPushWhenSignedThenSuccessAndRecordedOnceAcrossRetries() {
        Push p = new Push();
        assertSuccess(post(p.query(), p.xml));
        assertEquals(1, recorded(p));
        assertSuccess(post(p.query(), p.xml)); // WeChat re-delivering the identical request
        p.nonce = Long.toString(IDS.incrementAndGet());
        assertSuccess(post(p.query(), p.xml)); // or a retry with a new nonce
        assertEquals(1, recorded(p));
    }

    @Test
    void safeModePushWhenEncryptedThenSuccessAndRecorded() {
        Push p = new Push();
        String encrypt = Wire.encrypt(AES_KEY, APP_ID, p.xml);
        assertSuccess(post(p.encryptedQuery(encrypt), envelope(encrypt)));
        assertEquals(1, recorded(p));
    }

    @Test
    void compatiblePushWhenPlainCopyAndEncryptThenSuccessAndRecorded() {
        Push p = new Push();
        String encrypt = Wire.encrypt(AES_KEY, APP_ID, p.xml);
        String body = p.xml.replace("</xml>", "<Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>");
        assertSuccess(post(p.encryptedQuery(encrypt), body));
        assertEquals(1, recorded(p));
    }

    @io.wxbind.it.support.Hostile
    @Test
    void signaturesWhenMissingOrWrongThen401AndNothingRecorded() {
        Push p = new Push();
        assertRefused(401, post("timestamp=" + p.timestamp + "&nonce=" + p.nonce, p.xml), p);
        assertRefused(401, post(null, p.xml), p);
        Push wrong = new Push();
        wrong.token = "nottheToken";
        assertRefused(401, post(wrong.query(), wrong.xml), wrong);
        String encrypt = Wire.encrypt(AES_KEY, APP_ID, p.xml);
        assertRefused(401, post(p.query() + "&encrypt_type=aes", envelope(encrypt)), p);
        assertRefused(401, post(p.query() + "&encrypt_type=aes&msg_signature=" + "0".repeat(40), envelope(encrypt)), p);
        assertSuccess(post(p.query(), p.xml));
        assertEquals(1, recorded(p), "processed once it came properly signed");
    }

    @io.wxbind.it.support.Hostile
    @Test
    void cipherWhenWrongKeyOrWrongAppInsideThen400AndNothingRecorded() {
        Push p = new Push();
        String otherKey = Wire.encrypt("kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR", APP_ID, p.xml);
        assertRefused(400, post(p.encryptedQuery(otherKey), envelope(otherKey)), p);
        String otherApp = Wire.encrypt(AES_KEY, "wx0000000000000000", p.xml);
        assertRefused(400, post(p.encryptedQuery(otherApp), envelope(otherApp)), p);
        assertRefused(400, post(p.encryptedQuery("bm90IGEgY2lwaGVy"), envelope("bm90IGEgY2lwaGVy")), p);
    }

    @io.wxbind.it.support.Hostile
    @Test
    void hostileXmlWhenXxeBillionLaughsMalformedThen400AndNothingRecorded() {
        Push p = new Push();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + p.xml.replace("bind me", "]]>&xxe;<![CDATA[");
        Answer a = post(p.query(), xxe);
        assertRefused(400, a, p);
        assertTrue(!a.body().contains("root:"), a.body());
        String remote = "<!DOCTYPE xml [<!ENTITY % r SYSTEM \"http://127.0.0.1:1/evil.dtd\"> %r;]>" + p.xml;
        assertRefused(400, post(new Push().query(), remote), p);
        StringBuilder laughs = new StringBuilder("<!DOCTYPE xml [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        assertRefused(400, post(new Push().query(), laughs + "]>" + p.xml.replace("bind me", "]]>&l9;<![CDATA[")), p);
        String encryptedXxe = Wire.encrypt(AES_KEY, APP_ID, xxe);
        Push q = new Push();
        assertRefused(400, post(q.encryptedQuery(encryptedXxe), envelope(encryptedXxe)), p);
        assertRefused(400, post(new Push().query(), "this is not xml"), null);
        assertRefused(400, post(new Push().query(), p.xml.replace("</xml>", "")), p);
        assertRefused(400, post(new Push().query(), "<xml>" + "<a>".repeat(3000) + "</a>".repeat(3000) + "</xml>"), null);
        assertSuccess(post(new Push().query(), p.xml));
    }

    @io.wxbind.it.support.Hostile
    @Test
    void bodyWhenOversizedThen413AndNothingRecorded() {
        Push p = new Push();
        String big = p.xml.replace("bind me", "x".repeat(70 * 1024));
        assertRefused(413, post(p.query(), big), null);
    }

    @io.wxbind.it.support.Hostile
    @Test
    void replayWhenSignedQueryComesBackWithAnotherBodyThen403AndNothingRecorded() {
        Push original = new Push();
        assertSuccess(post(original.query(), original.xml));
        Push forged = new Push();
        forged.timestamp = original.timestamp;
        forged.nonce = original.nonce;
        assertRefused(403, post(original.query(), forged.xml), forged);
        assertEquals(1, recorded(original));
    }

    @io.wxbind.it.support.Hostile
    @Test
    void timestampWhenOutsideTheWindowThen403AndNothingRecorded() {
        Push old = new Push();
        old.timestamp -= 3600;
        assertRefused(403, post(old.query(), old.xml), old);
        Push future = new Push();
        future.timestamp += 3600;
        assertRefused(403, post(future.query(), future.xml), future);
    }

    @Test
    void methodAndPathWhenWrongThen405Or404() {
        Push p = new Push();
        assertRefused(405, send("PUT", p.query(), p.xml), p);
        assertRefused(405, send("DELETE", p.query(), null), p);
        String saved = endpoint;
        try {
            endpoint = stack().appUrl() + "wechat/push/wx0000000000000000";
            assertRefused(404, post(p.query(), p.xml), p);
            endpoint = stack().appUrl() + "wechat/push/";
            assertRefused(404, post(p.query(), p.xml), p);
        } finally {
            endpoint = saved;
        }
    }

    /** This test's own WeChat wire code (§7): SHA-1 signatures and AES-256-CBC with 32-byte PKCS#7. */
    static final class Wire {

        static String sha1(String... parts) {
            String[] sorted = parts.clone();
            Arrays.sort(sorted);
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                        .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static String sha256Hex(String s) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static String encrypt(String encodingAesKey, String appId, String msg) {
            byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
            byte[] body = msg.getBytes(StandardCharsets.UTF_8);
            byte[] app = appId.getBytes(StandardCharsets.US_ASCII);
            int len = 16 + 4 + body.length + app.length;
            int pad = 32 - len % 32;
            ByteBuffer plain = ByteBuffer.allocate(len + pad);
            plain.put("0123456789abcdef".getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body).put(app);
            for (int i = 0; i < pad; i++) {
                plain.put((byte) pad);
            }
            try {
                Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
                return Base64.getEncoder().encodeToString(c.doFinal(plain.array()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
