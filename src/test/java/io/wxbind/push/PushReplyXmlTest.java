package io.wxbind.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The passive reply bodies (§6.4, §7.4): exact shape, and text that cannot break out of CDATA. */
class PushReplyXmlTest {

    @Test
    void textWhenPlainContentThenDocumentedShape() {
        assertEquals("<xml><ToUserName><![CDATA[oUSER]]></ToUserName><FromUserName><![CDATA[gh_ACCOUNT]]></FromUserName>"
                + "<CreateTime>12345678</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[绑定成功]]></Content></xml>",
                PushReplyXml.text("oUSER", "gh_ACCOUNT", Instant.ofEpochSecond(12345678), "绑定成功"));
    }

    @Test
    void textWhenContentEndsCdataOrHasControlCharactersThenStillOneFieldWithTheSameText() {
        String hostile = "a]]><MsgType>news</MsgType><![CDATA[\u0000\u0007b\nc";
        String xml = PushReplyXml.text("oUSER", "gh_ACCOUNT", Instant.ofEpochSecond(1), hostile);
        PushMessage parsed = new PushXmlParser(65536).parse(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals("text", parsed.fields().get("MsgType"));
        assertEquals("a]]><MsgType>news</MsgType><![CDATA[b\nc", parsed.fields().get("Content"));
    }

    @Test
    void encryptedWhenBuiltThenFourFieldsAsWeChatSendsThem() {
        assertEquals("<xml><Encrypt><![CDATA[ENC]]></Encrypt><MsgSignature><![CDATA[SIG]]></MsgSignature><TimeStamp>1713424427</TimeStamp>"
                + "<Nonce><![CDATA[415670741]]></Nonce></xml>", PushReplyXml.encrypted("ENC", "SIG", 1713424427, "415670741"));
    }
}
