package io.wxbind.push;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The official vectors of protocol §6.1, §6.2 and §7.5 (A-D), byte for byte, and what must fail. */
class WeChatCryptoTest {

    static final String KEY_A = "A".repeat(43);
    static final String APP_A = "wxba5fad812f8e6fb9";
    static final String ENCRYPT_A = "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=";
    static final String MSG_A = "{\"ToUserName\":\"gh_97417a04a28d\",\"FromUserName\":\"o9AgO5Kd5ggOC-bXrbNODIiE3bGY\",\"CreateTime\":1714112445,"
            + "\"MsgType\":\"event\",\"Event\":\"debug_demo\",\"debug_str\":\"hello world\"}";

    static final String KEY_B = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String APP_B = "wxb11529c136998cb6";

    static final String KEY_C = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
    static final String APP_C = "wx49f0ab532d5d035a";
    static final String ENCRYPT_C = "RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=";
    static final String MSG_C = "<xml><ToUserName><![CDATA[wx49f0ab532d5d035a]]></ToUserName>\n<FromUserName><![CDATA[messense]]></FromUserName>\n"
            + "<CreateTime>1411525903</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n"
            + "<MsgId>4363689963896700987</MsgId>\n<AgentID>1</AgentID>\n</xml>";

    static final String MSG_D = "<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oia2TjjewbmiOUlr6X-1crbLOvLw]]>"
            + "</FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event>"
            + "<EventKey><![CDATA[qrscene_bind42]]></EventKey><Ticket><![CDATA[TICKET]]></Ticket></xml>";
    static final String ENCRYPT_D = "jn1L23DB+6ELqJ+6bruv23bYF/d/cxBf0szhrD8BQ1MkorjFwC0rHlVODYXVB9IoGQ4CNo1VHAn/QmUDCsvVe82eyvUkmySBcDgs5PbFfKp2ePVamowQeOGiTDxQxfc0zZvbaYk0COUUiAaB/IEopgGDDJSgveMJDjHgkBx4Nx81IIBG9qe74QCHJuxFckKhGdonDpUjyFsF3PGcm1gZun+FvSWWk7glsQxFh3m8ccdjfDYgJiCO3Y/GvI9R/yDZC9CxE4BtReWbo9ZqALwD6oPRyV81bRyHHJ7TqyHiJdoOoukzXZfKf8QJyR6AnDRUJRewejQh0lD49LMpXbjYMY6QhCnmIE9mOmClItQ4xRIqcB/CbDJ9En5aDz+YDewSIubGe6QkB7er0gOTmBWM/V0Td0IVdSvhepJTGASiwpKzdd0U3gEGJhYRDA/hrGycjzVGSEkTqQxMhEdi4kqpajYuKrdIeKHDNoaLeXVCcu9oN8QmkM99r+9tKH7Klesq";

    static byte[] key(String encodingAesKey) {
        return Base64.getDecoder().decode(encodingAesKey + "=");
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void signatureWhenUrlVerificationVectorsThenOfficialValues() {
        assertEquals("f464b24fc39322e44b38aa78f5edd27bd1441696", WeChatCrypto.signature("AAAAA", "1714036504", "1514711492"));
        assertEquals("f21891de399b4e33a1a93c9a7b8a8fffb5a443ff", WeChatCrypto.signature("test", "1410685589", "test"));
        assertEquals("899cf89e464efb63f54ddac96b0a0a235f53aa78", WeChatCrypto.signature("AAAAA", "1714037059", "486452656"));
        assertTrue(WeChatCrypto.verify("f464b24fc39322e44b38aa78f5edd27bd1441696", "AAAAA", "1714036504", "1514711492"));
    }

    @Test
    void verifyWhenAnythingDiffersOrEmptyThenFalse() {
        String good = WeChatCrypto.signature("AAAAA", "1714036504", "1514711492");
        assertFalse(WeChatCrypto.verify(good, "AAAAB", "1714036504", "1514711492"));
        assertFalse(WeChatCrypto.verify(good, "AAAAA", "1714036505", "1514711492"));
        assertFalse(WeChatCrypto.verify(good.substring(1), "AAAAA", "1714036504", "1514711492"));
        assertFalse(WeChatCrypto.verify(null, "AAAAA", "1714036504", "1514711492"));
        assertFalse(WeChatCrypto.verify("", "AAAAA", "1714036504", "1514711492"));
        assertFalse(WeChatCrypto.verify(WeChatCrypto.signature("AAAAA", "1", ""), "AAAAA", "1", ""), "empty nonce never verifies");
        assertFalse(WeChatCrypto.verify(good, "AAAAA", "1714036504", null));
    }

    @Test
    void vectorAWhenOfficialPushThenDecryptsSignsAndReEncryptsByteExact() {
        assertEquals("6c5c811b55cc85e0e1b54100749188c20beb3f5d", WeChatCrypto.signature("AAAAA", "1714112445", "415670741"));
        assertEquals("046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", WeChatCrypto.signature("AAAAA", "1714112445", "415670741", ENCRYPT_A));
        WeChatCrypto crypto = new WeChatCrypto(key(KEY_A), APP_A);
        assertArrayEquals(new byte[32], key(KEY_A), "43 x 'A' is 32 zero bytes");
        assertEquals(224, Base64.getDecoder().decode(ENCRYPT_A).length);
        byte[] full = crypto.decryptFull(ENCRYPT_A);
        assertEquals(205, full.length, "pad of 19: more than PKCS5Padding's 16 allows");
        assertEquals("a8eedb185eb2fecf", new String(full, 0, 16, StandardCharsets.US_ASCII));
        byte[] msg = crypto.decrypt(ENCRYPT_A);
        assertEquals(167, msg.length);
        assertEquals(MSG_A, new String(msg, StandardCharsets.UTF_8));
        assertEquals(ENCRYPT_A, crypto.encrypt(ascii("a8eedb185eb2fecf"), MSG_A));
    }

    @Test
    void vectorAWhenOfficialReplyThenEncryptAndMsgSignatureByteExact() {
        WeChatCrypto crypto = new WeChatCrypto(key(KEY_A), APP_A);
        String encrypt = crypto.encrypt(ascii("707722b803182950"), "{\"demo_resp\":\"good luck\"}");
        assertEquals("ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==", encrypt);
        assertEquals(64, Base64.getDecoder().decode(encrypt).length);
        assertEquals(63, crypto.decryptFull(encrypt).length);
        assertEquals("1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1", WeChatCrypto.signature("AAAAA", "1713424427", "415670741", encrypt));
    }

    @Test
    void vectorBWhenSampleKeyThenAesKeyEncryptAndSignatureByteExact() {
        assertEquals("69b71d79f8218a39259a7a29aabb2dbafc31cb3d35db7e39ebbf3d0010831051", HexFormat.of().formatHex(key(KEY_B)));
        WeChatCrypto crypto = new WeChatCrypto(key(KEY_B), APP_B);
        String encrypt = crypto.encrypt(ascii("aaaabbbbccccdddd"), "我是中文abcd123");
        assertEquals("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==", encrypt);
        assertEquals("我是中文abcd123", new String(crypto.decrypt(encrypt), StandardCharsets.UTF_8));
        assertEquals("82c962d39941aa48552f90ef55aa323dc620cc10", WeChatCrypto.signature("pamtest", "1409304348", "xxxxxx", encrypt));
    }

    @Test
    void vectorCWhenXmlMessageThenDecryptsAndReEncryptsByteExact() {
        assertEquals("74d92dfeb87ba7c714f89d98870ae5eb62dff26d", WeChatCrypto.signature("123456", "1411525903", "461056294", ENCRYPT_C));
        WeChatCrypto crypto = new WeChatCrypto(key(KEY_C), APP_C);
        assertEquals("ec90b1530358d4d3", new String(crypto.decryptFull(ENCRYPT_C), 0, 16, StandardCharsets.US_ASCII));
        assertEquals(MSG_C, new String(crypto.decrypt(ENCRYPT_C), StandardCharsets.UTF_8));
        assertEquals(ENCRYPT_C, crypto.encrypt(ascii("ec90b1530358d4d3"), MSG_C));
    }

    @Test
    void vectorDWhenSubscribeWithSceneThenEncryptAndSignaturesByteExact() {
        assertEquals(321, MSG_D.getBytes(StandardCharsets.UTF_8).length);
        WeChatCrypto crypto = new WeChatCrypto(key(KEY_B), APP_B);
        assertEquals(ENCRYPT_D, crypto.encrypt(ascii("aaaabbbbccccdddd"), MSG_D));
        assertEquals(MSG_D, new String(crypto.decrypt(ENCRYPT_D), StandardCharsets.UTF_8));
        assertEquals("072c70a287901b42354dafc488772ec3551da883", WeChatCrypto.signature("pamtest", "1700000000", "123456789", ENCRYPT_D));
        assertEquals("b5f8761641d70e61357db469cb0ab84c67c50f1f", WeChatCrypto.signature("pamtest", "1700000000", "123456789"));
    }

    @Test
    void encryptWhenFreshRandomThenDiffersEachTimeAndRoundTrips() {
        WeChatCrypto crypto = new WeChatCrypto(key(KEY_B), APP_B);
        String one = crypto.encrypt(MSG_D);
        assertNotEquals(one, crypto.encrypt(MSG_D));
        assertEquals(MSG_D, new String(crypto.decrypt(one), StandardCharsets.UTF_8));
        for (int len = 0; len < 70; len++) { // every padding length 1..32, including a full block
            String m = "x".repeat(len);
            assertEquals(m, new String(crypto.decrypt(crypto.encrypt(m)), StandardCharsets.UTF_8));
        }
    }

    @Test
    void decryptWhenCiphertextTamperedThenRefused() {
        WeChatCrypto crypto = new WeChatCrypto(key(KEY_B), APP_B);
        byte[] raw = Base64.getDecoder().decode(ENCRYPT_D);
        // CBC has no integrity: a flip inside the message text only garbles it (msg_signature catches
        // that, see WeChatPushHandlerTest); flips in the length, appid or padding must be refused.
        for (int i : new int[] {0, 17, raw.length - 40, raw.length - 33, raw.length - 20, raw.length - 1}) {
            byte[] bad = raw.clone();
            bad[i] ^= 0x01;
            assertRefused(() -> crypto.decrypt(Base64.getEncoder().encodeToString(bad)));
        }
        assertRefused(() -> crypto.decrypt(Base64.getEncoder().encodeToString(Arrays.copyOf(raw, raw.length - 16))));
        assertRefused(() -> crypto.decrypt(Base64.getEncoder().encodeToString(Arrays.copyOf(raw, raw.length - 32))));
        assertRefused(() -> crypto.decrypt("not base64 !!"));
        assertRefused(() -> crypto.decrypt(""));
        assertRefused(() -> crypto.decrypt(null));
    }

    @Test
    void decryptWhenWrongKeyThenRefused() {
        WeChatCrypto other = new WeChatCrypto(key(KEY_C), APP_B);
        assertRefused(() -> other.decrypt(ENCRYPT_D));
        assertRefused(() -> new WeChatCrypto(key(KEY_A), APP_A).decrypt(ENCRYPT_C));
    }

    @Test
    void decryptWhenEncryptedForAnotherAppThenRefused() {
        String forOther = new WeChatCrypto(key(KEY_B), "wx0000000000000000").encrypt(MSG_D);
        assertRefused(() -> new WeChatCrypto(key(KEY_B), APP_B).decrypt(forOther));
        String forPrefix = new WeChatCrypto(key(KEY_B), APP_B + "x").encrypt(MSG_D);
        assertRefused(() -> new WeChatCrypto(key(KEY_B), APP_B).decrypt(forPrefix));
        assertRefused(() -> new WeChatCrypto(key(KEY_B), "wxb11529c136998cb").decrypt(ENCRYPT_D));
    }

    @Test
    void decryptWhenPaddingOrLengthBadThenRefused() throws Exception {
        byte[] k = key(KEY_B);
        // a well-encrypted block whose plaintext ends with bytes that are not valid 32-byte PKCS#7
        assertRefused(() -> new WeChatCrypto(k, APP_B).decrypt(rawEncrypt(k, new byte[64])), "pad byte 0");
        byte[] pad33 = new byte[64];
        Arrays.fill(pad33, (byte) 33);
        assertRefused(() -> new WeChatCrypto(k, APP_B).decrypt(rawEncrypt(k, pad33)), "pad byte 33 > block");
        byte[] mixed = new byte[64];
        Arrays.fill(mixed, 32, 64, (byte) 32);
        mixed[40] = 31;
        assertRefused(() -> new WeChatCrypto(k, APP_B).decrypt(rawEncrypt(k, mixed)), "pad bytes differ");
        byte[] hugeLength = WeChatCrypto.pad(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 0x7f, 0, 0, 0, 'w', 'x'});
        assertRefused(() -> new WeChatCrypto(k, APP_B).decrypt(rawEncrypt(k, hugeLength)), "msg_len beyond the data");
        byte[] negative = WeChatCrypto.pad(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, (byte) 0xff, 0, 0, 0});
        assertRefused(() -> new WeChatCrypto(k, APP_B).decrypt(rawEncrypt(k, negative)), "negative msg_len");
        assertRefused(() -> new WeChatCrypto(k, APP_B).decrypt(rawEncrypt(k, WeChatCrypto.pad(new byte[10]))), "shorter than the header");
    }

    @Test
    void constructorWhenKeyNot32BytesThenRejected() {
        assertThrows(IllegalArgumentException.class, () -> new WeChatCrypto(new byte[16], APP_B));
        assertThrows(IllegalArgumentException.class, () -> new WeChatCrypto(null, APP_B));
    }

    /** AES-CBC of already padded bytes with WeChat's IV, to build hostile plaintexts. */
    private static String rawEncrypt(byte[] key, byte[] padded) throws Exception {
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/CBC/NoPadding");
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.IvParameterSpec(Arrays.copyOf(key, 16)));
        return Base64.getEncoder().encodeToString(c.doFinal(padded));
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable call) {
        assertRefused(call, "");
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable call, String why) {
        PushRejectedException e = assertThrows(PushRejectedException.class, call, why);
        assertEquals(400, e.status(), why);
        assertEquals("encrypted message unreadable", e.reason(), "one reason for every failure: " + why);
    }

    @Test
    void decryptWhenOneInstanceReusedAcrossThreadsAndFailuresThenEveryResultExact() throws Exception {
        WeChatCrypto crypto = new WeChatCrypto(key(KEY_B), APP_B);
        assertEquals(MSG_D, new String(crypto.decrypt(ENCRYPT_D), StandardCharsets.UTF_8));
        assertThrows(PushRejectedException.class, () -> crypto.decrypt(ENCRYPT_D.substring(4)), "not a whole block");
        assertThrows(PushRejectedException.class, () -> crypto.decrypt(ENCRYPT_C), "other key: bad padding or appid");
        assertEquals(MSG_D, new String(crypto.decrypt(ENCRYPT_D), StandardCharsets.UTF_8), "a pooled cipher starts afresh");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String encrypt = i % 2 == 0 ? ENCRYPT_D : crypto.encrypt(MSG_A);
                results.add(pool.submit(() -> new String(crypto.decrypt(encrypt), StandardCharsets.UTF_8)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i % 2 == 0 ? MSG_D : MSG_A, results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
