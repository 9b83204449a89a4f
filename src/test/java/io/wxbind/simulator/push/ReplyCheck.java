package io.wxbind.simulator.push;

import io.wxbind.simulator.config.PushMode;
import java.util.Map;
import java.util.Set;

/**
 * Judges a developer server's 200 answer to a push as WeChat does (protocol §6.3, §6.4, §7.4):
 * empty or {@code success} = acknowledged without reply; otherwise a reply XML addressed back to
 * the sender ({@code ToUserName} = the person's openid, {@code FromUserName} = the account). In
 * safe mode the reply must be encrypted ({@code Encrypt}, {@code MsgSignature}, {@code TimeStamp},
 * {@code Nonce}; signature over the push token, the appid inside); compatible mode takes either;
 * plain mode takes plain XML only. Anything else is invalid: WeChat then retries and finally shows
 * the person "该公众号暂时无法提供服务，请稍后再试".
 */
public final class ReplyCheck {

    /** {@code reply} null and {@code problem} null = acknowledged; {@code problem} set = invalid. */
    public record Result(PassiveReply reply, String problem) {
        static Result acknowledged() {
            return new Result(null, null);
        }

        static Result invalid(String problem) {
            return new Result(null, problem);
        }

        public boolean valid() {
            return problem == null;
        }
    }

    /** Reply types a person can see; {@code transfer_customer_service} hands over to an agent instead. */
    private static final Set<String> SHOWN = Set.of("text", "image", "voice", "video", "music", "news");

    private ReplyCheck() {
    }

    public static Result check(PushTarget target, PushMessage message, String body) {
        String trimmed = body == null ? "" : body.trim();
        if (trimmed.isEmpty() || trimmed.equals("success")) {
            return Result.acknowledged();
        }
        Map<String, String> fields;
        try {
            fields = PushXml.parse(trimmed);
        } catch (IllegalArgumentException e) {
            return Result.invalid("the answer is neither success nor a reply XML: " + e.getMessage());
        }
        boolean encrypted = fields.containsKey("Encrypt");
        if (encrypted && target.mode() == PushMode.PLAIN) {
            return Result.invalid("an encrypted reply in plain mode");
        }
        if (!encrypted && target.mode() == PushMode.AES) {
            return Result.invalid("a plaintext reply in safe (aes) mode");
        }
        if (!encrypted) {
            return plain(fields, message, false);
        }
        return decrypted(target, message, fields);
    }

    private static Result decrypted(PushTarget target, PushMessage message, Map<String, String> envelope) {
        String encrypt = envelope.get("Encrypt");
        String signature = envelope.get("MsgSignature");
        String timestamp = envelope.get("TimeStamp");
        String nonce = envelope.get("Nonce");
        if (isEmpty(encrypt) || isEmpty(signature) || isEmpty(timestamp) || isEmpty(nonce)) {
            return Result.invalid("an encrypted reply needs Encrypt, MsgSignature, TimeStamp and Nonce");
        }
        String expected = PushCrypto.msgSignature(target.token(), timestamp.trim(), nonce.trim(), encrypt.trim());
        if (!PushCrypto.sameSignature(expected, signature.trim())) {
            return Result.invalid("MsgSignature does not match (token, TimeStamp, Nonce, Encrypt)");
        }
        PushCrypto.Decrypted decrypted;
        try {
            decrypted = target.crypto().decrypt(encrypt);
        } catch (IllegalArgumentException e) {
            return Result.invalid("Encrypt does not decrypt with the app's AES key: " + e.getMessage());
        }
        if (!decrypted.appId().equals(target.appId())) {
            return Result.invalid("the encrypted reply ends with appid '" + decrypted.appId() + "'");
        }
        try {
            return plain(PushXml.parse(decrypted.message()), message, true);
        } catch (IllegalArgumentException e) {
            return Result.invalid("the decrypted reply is not a reply XML: " + e.getMessage());
        }
    }

    private static Result plain(Map<String, String> fields, PushMessage message, boolean encrypted) {
        if (!message.fromUser().equals(fields.get("ToUserName"))) {
            return Result.invalid("ToUserName must be the sender's openid (swap To/From)");
        }
        if (!message.toUser().equals(fields.get("FromUserName"))) {
            return Result.invalid("FromUserName must be the official account's id " + message.toUser());
        }
        String createTime = fields.get("CreateTime");
        if (createTime == null || !createTime.trim().matches("[0-9]{1,19}")) {
            return Result.invalid("CreateTime must be a number of seconds");
        }
        String msgType = fields.get("MsgType");
        if (isEmpty(msgType)) {
            return Result.invalid("MsgType is missing");
        }
        if ("transfer_customer_service".equals(msgType)) {
            return Result.acknowledged();
        }
        if (!SHOWN.contains(msgType)) {
            return Result.invalid("unknown reply MsgType '" + msgType + "'");
        }
        if (msgType.equals("text")) {
            String content = fields.get("Content");
            if (content == null) {
                return Result.invalid("a text reply needs Content");
            }
            return new Result(new PassiveReply("text", content, encrypted), null);
        }
        return new Result(new PassiveReply(msgType, "[" + msgType + "]", encrypted), null);
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isBlank();
    }
}
