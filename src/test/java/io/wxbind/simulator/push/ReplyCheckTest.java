package io.wxbind.simulator.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.simulator.config.PushMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplyCheckTest {

    private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APPID = "wxb11529c136998cb6";
    private static final String GH = "gh_7f083739789a";
    private static final String OPENID = "oia2TjjewbmiOUlr6X-1crbLOvLw";
    private static final PushMessage SCAN = PushMessage.event(GH, OPENID, 1700000000L, "SCAN", "bind42", "T");

    private static PushTarget target(PushMode mode) {
        return new PushTarget("http://localhost/p", mode, "pamtest", KEY, APPID, Duration.ofSeconds(5), "config");
    }

    private static String textReply(String to, String from, String content) {
        return PushXml.start().text("ToUserName", to).text("FromUserName", from).number("CreateTime", 1700000001L)
                .text("MsgType", "text").text("Content", content).end();
    }

    /** The safe-mode envelope a correct developer server sends (§7.4). */
    private static String encrypted(String inner, String token, String appId) {
        String encrypt = new PushCrypto(KEY, appId).encrypt(inner);
        String signature = PushCrypto.msgSignature(token, "1700000002", "987654", encrypt);
        return "<xml><Encrypt><![CDATA[" + encrypt + "]]></Encrypt><MsgSignature><![CDATA[" + signature
                + "]]></MsgSignature><TimeStamp>1700000002</TimeStamp><Nonce><![CDATA[987654]]></Nonce></xml>";
    }

    @Test
    void checkWhenSuccessOrEmptyThenAcknowledgedWithoutReply() {
        for (String body : new String[] {"success", "", "  success\r\n", null}) {
            for (PushMode mode : PushMode.values()) {
                ReplyCheck.Result result = ReplyCheck.check(target(mode), SCAN, body);
                assertTrue(result.valid(), mode + " '" + body + "'");
                assertNull(result.reply());
            }
        }
    }

    @Test
    void checkWhenPlainTextReplyInPlainOrCompatibleModeThenReplyShown() {
        String reply = textReply(OPENID, GH, "Bound to alice ]]> ok");
        for (PushMode mode : new PushMode[] {PushMode.PLAIN, PushMode.COMPATIBLE}) {
            ReplyCheck.Result result = ReplyCheck.check(target(mode), SCAN, reply);
            assertEquals(new PassiveReply("text", "Bound to alice ]]> ok", false), result.reply(), mode.key());
        }
    }

    @Test
    void checkWhenEncryptedReplyInAesOrCompatibleModeThenDecryptedAndVerified() {
        String reply = encrypted(textReply(OPENID, GH, "绑定成功"), "pamtest", APPID);
        for (PushMode mode : new PushMode[] {PushMode.AES, PushMode.COMPATIBLE}) {
            assertEquals(new PassiveReply("text", "绑定成功", true), ReplyCheck.check(target(mode), SCAN, reply).reply());
        }
    }

    @Test
    void checkWhenModeAndEnvelopeDisagreeThenInvalid() {
        assertFalse(ReplyCheck.check(target(PushMode.AES), SCAN, textReply(OPENID, GH, "x")).valid());
        assertFalse(ReplyCheck.check(target(PushMode.PLAIN), SCAN,
                encrypted(textReply(OPENID, GH, "x"), "pamtest", APPID)).valid());
    }

    @Test
    void checkWhenEncryptedReplyBadThenInvalidWithReason() {
        String wrongToken = encrypted(textReply(OPENID, GH, "x"), "othertoken", APPID);
        assertTrue(ReplyCheck.check(target(PushMode.AES), SCAN, wrongToken).problem().contains("MsgSignature"));
        String wrongApp = encrypted(textReply(OPENID, GH, "x"), "pamtest", "wxsomeoneelse");
        assertTrue(ReplyCheck.check(target(PushMode.AES), SCAN, wrongApp).problem().contains("appid"));
        String missing = "<xml><Encrypt><![CDATA[abc]]></Encrypt></xml>";
        assertTrue(ReplyCheck.check(target(PushMode.AES), SCAN, missing).problem().contains("MsgSignature"));
    }

    @Test
    void checkWhenReplyMalformedThenInvalid() {
        PushTarget plain = target(PushMode.PLAIN);
        assertTrue(ReplyCheck.check(plain, SCAN, "{\"reply\":\"json\"}").problem().contains("success"));
        assertTrue(ReplyCheck.check(plain, SCAN, textReply(GH, OPENID, "not swapped")).problem().contains("ToUserName"));
        assertTrue(ReplyCheck.check(plain, SCAN, textReply(OPENID, "gh_other", "x")).problem().contains("FromUserName"));
        String noContent = PushXml.start().text("ToUserName", OPENID).text("FromUserName", GH)
                .number("CreateTime", 1L).text("MsgType", "text").end();
        assertTrue(ReplyCheck.check(plain, SCAN, noContent).problem().contains("Content"));
        String noTime = PushXml.start().text("ToUserName", OPENID).text("FromUserName", GH).text("MsgType", "text")
                .text("Content", "x").end();
        assertTrue(ReplyCheck.check(plain, SCAN, noTime).problem().contains("CreateTime"));
        assertFalse(ReplyCheck.check(plain, SCAN, "OK").valid());
    }

    @Test
    void checkWhenOtherReplyTypesThenSummaryOrHandOver() {
        String image = PushXml.start().text("ToUserName", OPENID).text("FromUserName", GH).number("CreateTime", 1L)
                .text("MsgType", "image").end();
        assertEquals(new PassiveReply("image", "[image]", false), ReplyCheck.check(target(PushMode.PLAIN), SCAN, image).reply());
        String transfer = image.replace("image", "transfer_customer_service");
        ReplyCheck.Result handedOver = ReplyCheck.check(target(PushMode.PLAIN), SCAN, transfer);
        assertTrue(handedOver.valid());
        assertNull(handedOver.reply());
        assertFalse(ReplyCheck.check(target(PushMode.PLAIN), SCAN, image.replace("image", "hologram")).valid());
    }
}
