package io.wxbind.bench.push;

import io.wxbind.push.WeChatCrypto;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * The pushes both sides of the P4 benchmark handle: distinct, realistic safe-mode (AES) requests
 * as WeChat sends them (protocol §6.2, §7.4): follows with and without a QR scene, QR scans, menu
 * clicks and views, unfollows, texts in English and Chinese (with emoji and XML-looking text),
 * a location report and an image. Built from a fixed seed so that every run measures the same
 * messages (the ciphertexts differ: each encryption draws fresh randomness, as WeChat's does);
 * encrypted and signed with one appid, Token and EncodingAESKey, which both sides are given.
 */
final class PushCorpus {

    static final String APP_ID = "wx5823bf96d3bd56c7";
    static final String TOKEN = "wxbindbenchtoken";
    static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String ACCOUNT = "gh_7f083739789a";

    /**
     * One request: the raw query string and body our servlet gets, and the same values as WxJava's
     * {@code fromEncryptedXml} takes them.
     *
     * @param plain   the XML inside {@code Encrypt}, for reference
     * @param encrypt the {@code Encrypt} value
     */
    record Push(String plain, String encrypt, String timestamp, String nonce, String msgSignature, String rawQuery,
            String envelope, byte[] body) {
    }

    private PushCorpus() {
    }

    /** {@code count} distinct pushes, all stamped {@code timestamp} (epoch seconds). */
    static List<Push> build(int count, long timestamp) {
        Random random = new Random(20260411L);
        WeChatCrypto crypto = new WeChatCrypto(Base64.getDecoder().decode(AES_KEY + "="), APP_ID);
        List<Push> pushes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String xml = message(i, openId(random), timestamp - random.nextInt(3), random);
            String nonce = Long.toString(100_000_000L + random.nextInt(900_000_000));
            pushes.add(sign(crypto, xml, Long.toString(timestamp), nonce, openIdOf(xml)));
        }
        return List.copyOf(pushes);
    }

    private static Push sign(WeChatCrypto crypto, String xml, String timestamp, String nonce, String openId) {
        String encrypt = crypto.encrypt(xml);
        String msgSignature = WeChatCrypto.signature(TOKEN, timestamp, nonce, encrypt);
        String query = "signature=" + WeChatCrypto.signature(TOKEN, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&openid=" + openId + "&encrypt_type=aes&msg_signature=" + msgSignature;
        String envelope = "<xml>\n    <ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName>\n    <Encrypt><![CDATA[" + encrypt
                + "]]></Encrypt>\n</xml>\n";
        return new Push(xml, encrypt, timestamp, nonce, msgSignature, query, envelope, envelope.getBytes(StandardCharsets.UTF_8));
    }

    /** The i-th message; the kinds repeat every 12, with fresh senders, keys and texts. */
    private static String message(int i, String from, long createTime, Random random) {
        String head = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName>\n<FromUserName><![CDATA[" + from
                + "]]></FromUserName>\n<CreateTime>" + createTime + "</CreateTime>\n";
        String ticket = "gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xL2tabXB" + Integer.toHexString(random.nextInt()) + "==";
        long msgId = 24_000_000_000_000_000L + random.nextInt(Integer.MAX_VALUE);
        return switch (i % 12) {
            case 0, 6 -> head + event("subscribe") + "<EventKey><![CDATA[qrscene_bind" + random.nextInt(1_000_000)
                    + "]]></EventKey>\n<Ticket><![CDATA[" + ticket + "]]></Ticket>\n</xml>";
            case 1, 7 -> head + event("SCAN") + "<EventKey><![CDATA[login" + random.nextInt(1_000_000) + "]]></EventKey>\n<Ticket><![CDATA["
                    + ticket + "]]></Ticket>\n</xml>";
            case 2 -> head + event("CLICK") + "<EventKey><![CDATA[V1001_TODAY_MUSIC]]></EventKey>\n</xml>";
            case 3 -> head + text("你好，我想绑定我的账号。请问怎么操作？谢谢！", msgId);
            case 4 -> head + text("hello, when does the order " + random.nextInt(100_000) + " ship? <b>&amp; thanks</b>", msgId);
            case 5 -> head + event("subscribe") + "<EventKey><![CDATA[]]></EventKey>\n</xml>";
            case 8 -> head + event("VIEW") + "<EventKey><![CDATA[https://portal.example.com/account?tab=wechat]]></EventKey>\n"
                    + "<MenuId>" + random.nextInt(1000) + "</MenuId>\n</xml>";
            case 9 -> head + text("收到🎉 明天上午十点在北京见，地址：朝阳区建国路88号", msgId);
            case 10 -> head + event("unsubscribe") + "<EventKey><![CDATA[]]></EventKey>\n</xml>";
            default -> i % 24 == 11
                    ? head + event("LOCATION") + "<Latitude>39.9042" + random.nextInt(100) + "</Latitude>\n<Longitude>116.4074"
                            + random.nextInt(100) + "</Longitude>\n<Precision>65.000000</Precision>\n</xml>"
                    : head + "<MsgType><![CDATA[image]]></MsgType>\n<PicUrl><![CDATA[http://mmbiz.qpic.cn/mmbiz_jpg/" + msgId
                            + "/0]]></PicUrl>\n<MediaId><![CDATA[media_id_" + msgId + "]]></MediaId>\n<MsgId>" + msgId + "</MsgId>\n</xml>";
        };
    }

    private static String event(String event) {
        return "<MsgType><![CDATA[event]]></MsgType>\n<Event><![CDATA[" + event + "]]></Event>\n";
    }

    private static String text(String content, long msgId) {
        return "<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[" + content + "]]></Content>\n<MsgId>" + msgId + "</MsgId>\n</xml>";
    }

    /** An openid as WeChat issues them: 28 characters of Base64url starting with {@code o}. */
    private static String openId(Random random) {
        byte[] bytes = new byte[21];
        random.nextBytes(bytes);
        return "o" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 27);
    }

    private static String openIdOf(String xml) {
        int start = xml.indexOf("<FromUserName><![CDATA[") + "<FromUserName><![CDATA[".length();
        return xml.substring(start, xml.indexOf("]]>", start));
    }
}
