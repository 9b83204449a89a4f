package io.wxbind.push;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Builds the query and body WeChat would send (§6.2, §7.4) for the unit tests: plaintext, or the
 * encrypted envelope (optionally with the compatible-mode plaintext copy).
 */
final class SignedPush {

    final String token;
    final String timestamp;
    final String nonce;
    String xml;
    String encrypt;

    SignedPush(String token, Instant at, String nonce, String xml) {
        this.token = token;
        this.timestamp = Long.toString(at.getEpochSecond());
        this.nonce = nonce;
        this.xml = xml;
    }

    static String text(String from, long createTime, long msgId, String content) {
        return "<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[" + from + "]]></FromUserName>"
                + "<CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content
                + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    static String scan(String from, long createTime, String event, String key) {
        return "<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[" + from + "]]></FromUserName>"
                + "<CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event
                + "]]></Event><EventKey><![CDATA[" + key + "]]></EventKey><Ticket><![CDATA[TICKET]]></Ticket></xml>";
    }

    String signature() {
        return WeChatCrypto.signature(token, timestamp, nonce);
    }

    String plainQuery() {
        return "signature=" + signature() + "&timestamp=" + timestamp + "&nonce=" + nonce;
    }

    byte[] plainBody() {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    SignedPush encryptWith(WeChatCrypto crypto) {
        encrypt = crypto.encrypt(xml);
        return this;
    }

    String encryptedQuery() {
        return plainQuery() + "&encrypt_type=aes&msg_signature=" + WeChatCrypto.signature(token, timestamp, nonce, encrypt);
    }

    byte[] envelope() {
        return ("<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Compatible mode sends the plaintext fields next to Encrypt (§7.4). */
    byte[] compatibleEnvelope(String plaintextCopy) {
        return plaintextCopy.replace("</xml>", "<Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>").getBytes(StandardCharsets.UTF_8);
    }
}
