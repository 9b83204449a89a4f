package io.wxbind.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.config.PushConfig;
import io.wxbind.testsupport.JpaTestDatabase;
import io.wxbind.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole push protocol below the servlet, on real PostgreSQL: plain, compatible and safe
 * mode, passive replies (encrypted when asked encrypted), WeChat's retries, replays, and every
 * refusal — after which nothing was fired and nothing recorded.
 */
class WeChatPushHandlerTest {

    static final String KEY = WeChatCryptoTest.KEY_B;
    static final String OTHER_KEY = WeChatCryptoTest.KEY_C;
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();

    private final MutableClock clock = new MutableClock();
    private final RecordingEvent<PushReceived> received = new RecordingEvent<>();
    private final RecordingEvent<WeChatPushEvent> events = new RecordingEvent<>();
    private final WeChatPushHandler handler = handler(clock);

    static PushConfig config() {
        Map<String, String> v = new HashMap<>();
        v.put("wechat.push.app-ids", "wxPLAIN,wxAES,wxCOMPAT,wxVECTOR");
        v.put("wechat.push.wxPLAIN.token", "plaintoken");
        v.put("wechat.push.wxAES.token", "pamtest");
        v.put("wechat.push.wxAES.aes-key", KEY);
        v.put("wechat.push.wxCOMPAT.token", "wxbinddemotoken");
        v.put("wechat.push.wxCOMPAT.aes-key", KEY);
        v.put("wechat.push.wxCOMPAT.mode", "compatible");
        v.put("wechat.push.wxVECTOR.token", "AAAAA");
        List<String> problems = new ArrayList<>();
        PushConfig c = PushConfig.read(k -> Optional.ofNullable(v.get(k)), "wxMAIN", problems);
        assertTrue(problems.isEmpty(), problems.toString());
        return c;
    }

    private WeChatPushHandler handler(Clock at) {
        WeChatPushHandler h = new WeChatPushHandler();
        h.config = config();
        h.events = events;
        h.clock = at;
        RecordingEvent<PushReceived> observers = received; // the anonymous subclass has its own "received"
        h.dispatcher = new PushDispatcher() {
            @Override
            public Outcome dispatch(AcceptedPush push) {
                return db.inTransaction(em -> {
                    PushDispatcher d = new PushDispatcher();
                    d.store = PushDedupeStoreTest.store(em);
                    d.received = observers;
                    d.clock = at;
                    return d.dispatch(push);
                });
            }
        };
        return h;
    }

    private static String nonce() {
        return Long.toString(IDS.incrementAndGet());
    }

    private static String openId() {
        return "oPush" + IDS.incrementAndGet() + "xxxxxxxxxxxxxxxxx";
    }

    private SignedPush push(String token, String xml) {
        return new SignedPush(token, clock.instant(), nonce(), xml);
    }

    private SignedPush textPush(String token, String openId) {
        return push(token, SignedPush.text(openId, clock.instant().getEpochSecond(), IDS.incrementAndGet(), "hello"));
    }

    private PushResponse plain(String app, SignedPush p) {
        return handler.receive(handler.app(app), p.plainQuery(), p.plainBody());
    }

    private PushResponse encrypted(String app, SignedPush p) {
        p.encryptWith(new WeChatCrypto(WeChatCryptoTest.key(KEY), app));
        return handler.receive(handler.app(app), p.encryptedQuery(), p.envelope());
    }

    private void replyWith(String text) {
        received.observer(r -> r.replyText(text));
    }

    private void assertRefused(int status, Runnable call) {
        int firedBefore = received.fired.size();
        PushRejectedException e = assertThrows(PushRejectedException.class, call::run);
        assertEquals(status, e.status(), e.reason());
        assertEquals(firedBefore, received.fired.size(), "nothing fired");
    }

    @Test
    void receiveWhenPlainTextThenSuccessAndFiredOnceSyncAndAsync() {
        String openId = openId();
        PushResponse r = plain("wxPLAIN", textPush("plaintoken", openId));
        assertEquals(new PushResponse(200, PushResponse.TEXT, "success"), r);
        assertEquals(1, received.fired.size());
        TextMessageEvent e = assertInstanceOf(TextMessageEvent.class, received.fired.get(0).event());
        assertEquals("wxPLAIN", e.appId());
        assertEquals(openId, e.openId());
        assertEquals("gh_7f083739789a", e.accountId());
        assertEquals("hello", e.content());
        assertEquals(List.of(e), events.firedAsync);
    }

    @Test
    void receiveWhenObserverRepliesThenPassiveTextXmlWithUsersSwapped() {
        replyWith("绑定成功 ]]> <ok>");
        received.observer(r -> r.replyText("second reply loses"));
        String openId = openId();
        PushResponse r = plain("wxPLAIN", textPush("plaintoken", openId));
        assertEquals(PushResponse.XML, r.contentType());
        PushMessage reply = new PushXmlParser(65536).parse(r.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(openId, reply.fields().get("ToUserName"));
        assertEquals("gh_7f083739789a", reply.fields().get("FromUserName"));
        assertEquals("text", reply.fields().get("MsgType"));
        assertEquals("绑定成功 ]]> <ok>", reply.fields().get("Content"));
        assertEquals(Long.toString(clock.instant().getEpochSecond()), reply.fields().get("CreateTime"));
    }

    @Test
    void receiveWhenWeChatRetriesTheSameRequestThenSameReplyAndNotFiredAgain() {
        replyWith("welcome");
        SignedPush p = textPush("plaintoken", openId());
        PushResponse first = plain("wxPLAIN", p);
        clock.advance(Duration.ofSeconds(5));
        PushResponse retry = plain("wxPLAIN", p);
        assertEquals(1, received.fired.size());
        assertEquals(1, events.firedAsync.size());
        assertTrue(retry.body().contains("<![CDATA[welcome]]>"), retry.body());
        assertEquals(first.status(), retry.status());
    }

    @Test
    void receiveWhenRetryHasNewNonceAndTimestampThenSameAnswerNotFiredAgain() {
        String xml = SignedPush.scan(openId(), clock.instant().getEpochSecond(), "SCAN", "bind42");
        plain("wxPLAIN", push("plaintoken", xml));
        clock.advance(Duration.ofSeconds(5));
        assertEquals("success", plain("wxPLAIN", push("plaintoken", xml)).body());
        assertEquals(1, received.fired.size());
        assertEquals(new ScanEvent("wxPLAIN", received.fired.get(0).event().openId(), "gh_7f083739789a",
                Instant.ofEpochSecond(clock.instant().getEpochSecond() - 5), "bind42", "TICKET"), received.fired.get(0).event());
    }

    @Test
    void receiveWhenSignedQueryReplayedWithAnotherBodyThen403AndNothingFired() {
        SignedPush p = textPush("plaintoken", openId());
        plain("wxPLAIN", p);
        p.xml = SignedPush.text(openId(), clock.instant().getEpochSecond(), IDS.incrementAndGet(), "forged");
        assertRefused(403, () -> plain("wxPLAIN", p));
        assertEquals(1, received.fired.size());
    }

    @Test
    void receiveWhenSafeModeThenDecryptedAndReplyEncryptedAndSigned() {
        replyWith("bound to alice");
        String openId = openId();
        SignedPush p = push("pamtest", SignedPush.scan(openId, clock.instant().getEpochSecond(), "subscribe", "qrscene_bind42"));
        PushResponse r = encrypted("wxAES", p);
        assertEquals(new SubscribeEvent("wxAES", openId, "gh_7f083739789a", clock.instant(), "bind42", "TICKET"),
                received.fired.get(0).event());
        PushMessage envelope = new PushXmlParser(65536).parse(r.body().getBytes(StandardCharsets.UTF_8));
        String encrypt = envelope.required("Encrypt");
        assertEquals(p.nonce, envelope.required("Nonce"));
        assertEquals(WeChatCrypto.signature("pamtest", envelope.required("TimeStamp"), envelope.required("Nonce"), encrypt),
                envelope.required("MsgSignature"));
        byte[] inner = new WeChatCrypto(WeChatCryptoTest.key(KEY), "wxAES").decrypt(encrypt);
        PushMessage reply = new PushXmlParser(65536).parse(inner);
        assertEquals(openId, reply.required("ToUserName"));
        assertEquals("bound to alice", reply.required("Content"));
    }

    @Test
    void receiveWhenCompatibleModeThenPlainAndEncryptedAcceptedAndOnlyTheSignedCopyCounts() {
        assertEquals("success", plain("wxCOMPAT", textPush("wxbinddemotoken", openId())).body());
        String realSender = openId();
        SignedPush p = push("wxbinddemotoken", SignedPush.scan(realSender, clock.instant().getEpochSecond(), "SCAN", "real"));
        p.encryptWith(new WeChatCrypto(WeChatCryptoTest.key(KEY), "wxCOMPAT"));
        String forgedCopy = SignedPush.scan("oFORGED", clock.instant().getEpochSecond(), "SCAN", "forged");
        assertEquals("success", handler.receive(handler.app("wxCOMPAT"), p.encryptedQuery(), p.compatibleEnvelope(forgedCopy)).body());
        ScanEvent e = assertInstanceOf(ScanEvent.class, received.fired.get(1).event());
        assertEquals(realSender, e.openId());
        assertEquals("real", e.sceneKey());
    }

    @Test
    void receiveWhenModeDoesNotAllowItThen400() {
        assertRefused(400, () -> plain("wxAES", textPush("pamtest", openId())));
        SignedPush p = textPush("plaintoken", openId()).encryptWith(new WeChatCrypto(WeChatCryptoTest.key(KEY), "wxPLAIN"));
        assertRefused(400, () -> handler.receive(handler.app("wxPLAIN"), p.encryptedQuery(), p.envelope()));
    }

    @Test
    void receiveWhenSignatureMissingOrWrongThen401() {
        SignedPush p = textPush("plaintoken", openId());
        assertRefused(401, () -> handler.receive(handler.app("wxPLAIN"), "timestamp=" + p.timestamp + "&nonce=" + p.nonce, p.plainBody()));
        assertRefused(401, () -> handler.receive(handler.app("wxPLAIN"), null, p.plainBody()));
        assertRefused(401, () -> plain("wxPLAIN", push("wrongtoken", p.xml)));
        assertRefused(401, () -> handler.receive(handler.app("wxPLAIN"), p.plainQuery().replace("nonce=", "nonce=1"), p.plainBody()));
        assertRefused(401, () -> handler.receive(handler.app("wxPLAIN"), "signature=" + p.signature() + "&timestamp=" + p.timestamp,
                p.plainBody()));
        assertEquals("success", plain("wxPLAIN", p).body(), "none of the refusals recorded the message");
    }

    @Test
    void receiveWhenMsgSignatureMissingWrongOrCipherTamperedThen401() {
        SignedPush p = textPush("pamtest", openId()).encryptWith(new WeChatCrypto(WeChatCryptoTest.key(KEY), "wxAES"));
        String noMsgSig = p.plainQuery() + "&encrypt_type=aes";
        assertRefused(401, () -> handler.receive(handler.app("wxAES"), noMsgSig, p.envelope()));
        assertRefused(401, () -> handler.receive(handler.app("wxAES"), noMsgSig + "&msg_signature=" + p.signature(), p.envelope()));
        String good = p.encrypt;
        char[] chars = good.toCharArray();
        chars[40] = chars[40] == 'A' ? 'B' : 'A';
        p.encrypt = new String(chars);
        byte[] tampered = p.envelope();
        p.encrypt = good;
        assertRefused(401, () -> handler.receive(handler.app("wxAES"), p.encryptedQuery(), tampered));
        assertEquals("success", handler.receive(handler.app("wxAES"), p.encryptedQuery(), p.envelope()).body());
    }

    @Test
    void receiveWhenWrongKeyOrWrongAppInsideTheCipherThen400() {
        SignedPush wrongKey = textPush("pamtest", openId());
        wrongKey.encryptWith(new WeChatCrypto(WeChatCryptoTest.key(OTHER_KEY), "wxAES"));
        assertRefused(400, () -> handler.receive(handler.app("wxAES"), wrongKey.encryptedQuery(), wrongKey.envelope()));
        SignedPush wrongApp = textPush("pamtest", openId());
        wrongApp.encryptWith(new WeChatCrypto(WeChatCryptoTest.key(KEY), "wxCOMPAT"));
        assertRefused(400, () -> handler.receive(handler.app("wxAES"), wrongApp.encryptedQuery(), wrongApp.envelope()));
        SignedPush noEncrypt = textPush("pamtest", openId());
        noEncrypt.encrypt = "";
        assertRefused(400, () -> handler.receive(handler.app("wxAES"), noEncrypt.plainQuery() + "&encrypt_type=aes&msg_signature=x",
                noEncrypt.plainBody()));
    }

    @Test
    void receiveWhenTimestampOutsideTheWindowThen403() {
        String openId = openId();
        SignedPush old = new SignedPush("plaintoken", clock.instant().minusSeconds(301), nonce(),
                SignedPush.text(openId, 1, IDS.incrementAndGet(), "x"));
        assertRefused(403, () -> plain("wxPLAIN", old));
        SignedPush future = new SignedPush("plaintoken", clock.instant().plusSeconds(301), nonce(), old.xml);
        assertRefused(403, () -> plain("wxPLAIN", future));
        String garbage = "signature=" + WeChatCrypto.signature("plaintoken", "soon", "1") + "&timestamp=soon&nonce=1";
        assertRefused(403, () -> handler.receive(handler.app("wxPLAIN"), garbage, old.plainBody()));
        SignedPush edge = new SignedPush("plaintoken", clock.instant().minusSeconds(300), nonce(), old.xml);
        assertEquals("success", plain("wxPLAIN", edge).body());
    }

    @Test
    void receiveWhenHostileXmlThen400AndNothingRecorded() {
        String xxe = "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><ToUserName>a</ToUserName><FromUserName>&x;"
                + "</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><MsgId>1</MsgId></xml>";
        assertRefused(400, () -> plain("wxPLAIN", push("plaintoken", xxe)));
        assertRefused(400, () -> encrypted("wxAES", push("pamtest", xxe)));
        assertRefused(400, () -> plain("wxPLAIN", push("plaintoken", "not xml")));
        assertRefused(400, () -> plain("wxPLAIN", push("plaintoken", "<xml><MsgType>text</MsgType></xml>")));
        assertRefused(400, () -> handler.receive(handler.app("wxPLAIN"), "signature=a&signature=b", new byte[0]));
        SignedPush p = textPush("plaintoken", openId());
        assertRefused(400, () -> handler.receive(handler.app("wxPLAIN"), p.plainQuery() + "&encrypt_type=rot13", p.plainBody()));
        assertEquals(0, events.firedAsync.size());
    }

    @Test
    void receiveWhenObserverFailsThenNothingRecordedAndTheRetryIsProcessed() {
        boolean[] failOnce = {true};
        received.observer(r -> {
            if (failOnce[0]) {
                failOnce[0] = false;
                throw new IllegalStateException("database hiccup");
            }
        });
        SignedPush p = textPush("plaintoken", openId());
        assertThrows(IllegalStateException.class, () -> plain("wxPLAIN", p));
        assertEquals(0, events.firedAsync.size(), "no async event for a push that was not recorded");
        assertEquals("success", plain("wxPLAIN", p).body());
        assertEquals(2, received.fired.size());
        assertEquals(1, events.firedAsync.size());
    }

    @Test
    void appWhenNotConfiguredThen404() {
        assertEquals(404, assertThrows(PushRejectedException.class, () -> handler.app("wxMAIN")).status());
        assertEquals(404, assertThrows(PushRejectedException.class, () -> handler.app(null)).status());
    }

    @Test
    void verifyUrlWhenOfficialVectorThenEchostrAsIs() {
        WeChatPushHandler atVectorTime = handler(Clock.fixed(Instant.ofEpochSecond(1714036504), ZoneOffset.UTC));
        PushResponse r = atVectorTime.verifyUrl(atVectorTime.app("wxVECTOR"),
                "signature=f464b24fc39322e44b38aa78f5edd27bd1441696&echostr=4375120948345356249&timestamp=1714036504&nonce=1514711492");
        assertEquals(new PushResponse(200, PushResponse.TEXT, "4375120948345356249"), r);
    }

    @Test
    void verifyUrlWhenSignatureWrongOrEchostrMissingThenRefused() {
        SignedPush p = push("pamtest", "");
        assertEquals("123", handler.verifyUrl(handler.app("wxAES"), p.plainQuery() + "&echostr=123").body(), "safe mode echoes too");
        assertRefused(401, () -> handler.verifyUrl(handler.app("wxAES"), push("nottoken", "").plainQuery() + "&echostr=123"));
        assertRefused(400, () -> handler.verifyUrl(handler.app("wxAES"), p.plainQuery()));
        assertRefused(400, () -> handler.verifyUrl(handler.app("wxAES"), p.plainQuery() + "&echostr=%0d%0aSet-Cookie:x"));
    }
}
