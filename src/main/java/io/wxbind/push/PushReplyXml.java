package io.wxbind.push;

import java.time.Instant;

/**
 * Builds the passive reply bodies (protocol §6.4, §7.4): a text message back to the sender
 * (To/From swapped relative to the push), and the encrypted envelope used when the push came
 * encrypted. Values go into CDATA; a {@code ]]>} inside them is split so it cannot end the section.
 */
final class PushReplyXml {

    private PushReplyXml() {
    }

    /** The text reply to a push from {@code openId} to the account {@code accountId}. */
    static String text(String openId, String accountId, Instant now, String content) {
        return "<xml><ToUserName>" + cdata(openId) + "</ToUserName><FromUserName>" + cdata(accountId)
                + "</FromUserName><CreateTime>" + now.getEpochSecond() + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>"
                + cdata(content) + "</Content></xml>";
    }

    /** The safe-mode envelope: {@code msgSignature} is §7.3 over (token, timestamp, nonce, encrypt). */
    static String encrypted(String encrypt, String msgSignature, long timestamp, String nonce) {
        return "<xml><Encrypt>" + cdata(encrypt) + "</Encrypt><MsgSignature>" + cdata(msgSignature) + "</MsgSignature><TimeStamp>"
                + timestamp + "</TimeStamp><Nonce>" + cdata(nonce) + "</Nonce></xml>";
    }

    /** Also drops the control characters XML 1.0 cannot carry, which would make WeChat reject the reply. */
    static String cdata(String value) {
        String clean = value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
        return "<![CDATA[" + clean.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }
}
