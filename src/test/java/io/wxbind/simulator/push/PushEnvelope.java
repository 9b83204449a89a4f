package io.wxbind.simulator.push;

import io.wxbind.simulator.config.PushMode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP POST of a push (protocol §6.2, §7.4): the URL with {@code signature}, {@code timestamp},
 * {@code nonce} and {@code openid} (plus {@code encrypt_type=aes} and {@code msg_signature} in the
 * encrypted modes), and the body for the mode: plain XML; compatible = the plain fields plus
 * {@code <Encrypt>}; aes = only {@code <ToUserName>} and {@code <Encrypt>}.
 */
public record PushEnvelope(URI uri, String body, String timestamp, String nonce) {

    /** Builds the request; {@code random} is the 16-character prefix of the encrypted text. */
    public static PushEnvelope of(PushTarget target, PushMessage message, String timestamp, String nonce,
            String random) {
        String plain = message.xml();
        StringBuilder query = new StringBuilder()
                .append("signature=").append(PushCrypto.signature(target.token(), timestamp, nonce))
                .append("&timestamp=").append(timestamp).append("&nonce=").append(nonce)
                .append("&openid=").append(encode(message.fromUser()));
        String body = plain;
        if (target.mode().encrypted()) {
            String encrypt = target.crypto().encrypt(random, plain);
            query.append("&encrypt_type=aes&msg_signature=")
                    .append(PushCrypto.msgSignature(target.token(), timestamp, nonce, encrypt));
            body = target.mode() == PushMode.AES
                    ? PushXml.start().text("ToUserName", message.toUser()).text("Encrypt", encrypt).end()
                    : plain.substring(0, plain.length() - "</xml>".length())
                            + "<Encrypt>" + PushXml.cdata(encrypt) + "</Encrypt></xml>";
        }
        return new PushEnvelope(URI.create(target.url() + (target.url().contains("?") ? "&" : "?") + query),
                body, timestamp, nonce);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
