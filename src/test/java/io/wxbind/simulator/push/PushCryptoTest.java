package io.wxbind.simulator.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.simulator.config.PushMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The simulator's push crypto against the protocol's vectors A–D (§6.1, §6.2, §7.5). */
class PushCryptoTest {

    private static final String KEY_A = "A".repeat(43);
    private static final String ENCRYPT_A = "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQq"
                + "cvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuM"
                + "cp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3"
                + "VIYnSeOBrebufAlr7F9mFUPAJGj04=";
    private static final String MSG_A = "{\"ToUserName\":\"gh_97417a04a28d\",\"FromUserName\":\"o9AgO5Kd5ggOC-bXrbNODIiE3bGY\",\"CreateTime\":1714112445,\"MsgType\":\"event\",\"Event\":\"debug_demo\",\"debug_str\":\"hello world\"}";
    private static final String REPLY_A = "ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==";

    private static final String KEY_B = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APPID_B = "wxb11529c136998cb6";
    private static final String ENCRYPT_B = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

    private static final String KEY_C = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
    private static final String ENCRYPT_C = "RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrs"
                + "TyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+"
                + "BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7"
                + "vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dS"
                + "hyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=";
    private static final String MSG_C = "<xml><ToUserName><![CDATA[wx49f0ab532d5d035a]]></ToUserName>\n<FromUserName><![CDATA[messense]]></FromUserName>\n<CreateTime>1411525903</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<MsgId>4363689963896700987</MsgId>\n<AgentID>1</AgentID>\n</xml>";

    private static final String MSG_D = "<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oia2Tjjewb"
                + "miOUlr6X-1crbLOvLw]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[e"
                + "vent]]></MsgType><Event><![CDATA[subscribe]]></Event><EventKey><![CDATA[qrscene_bind42]]><"
                + "/EventKey><Ticket><![CDATA[TICKET]]></Ticket></xml>";
    private static final String ENCRYPT_D = "jn1L23DB+6ELqJ+6bruv23bYF/d/cxBf0szhrD8BQ1MkorjFwC0rHlVODYXVB9IoGQ4CNo1VHAn/QmUDCsvVe82eyv"
                + "UkmySBcDgs5PbFfKp2ePVamowQeOGiTDxQxfc0zZvbaYk0COUUiAaB/IEopgGDDJSgveMJDjHgkBx4Nx81IIBG9qe7"
                + "4QCHJuxFckKhGdonDpUjyFsF3PGcm1gZun+FvSWWk7glsQxFh3m8ccdjfDYgJiCO3Y/GvI9R/yDZC9CxE4BtReWbo9"
                + "ZqALwD6oPRyV81bRyHHJ7TqyHiJdoOoukzXZfKf8QJyR6AnDRUJRewejQh0lD49LMpXbjYMY6QhCnmIE9mOmClItQ4"
                + "xRIqcB/CbDJ9En5aDz+YDewSIubGe6QkB7er0gOTmBWM/V0Td0IVdSvhepJTGASiwpKzdd0U3gEGJhYRDA/hrGycjz"
                + "VGSEkTqQxMhEdi4kqpajYuKrdIeKHDNoaLeXVCcu9oN8QmkM99r+9tKH7Klesq";

    @Test
    void signatureWhenOfficialVectorsThenMatch() {
        assertEquals("f464b24fc39322e44b38aa78f5edd27bd1441696", PushCrypto.signature("AAAAA", "1714036504", "1514711492"));
        assertEquals("f21891de399b4e33a1a93c9a7b8a8fffb5a443ff", PushCrypto.signature("test", "1410685589", "test"));
        assertEquals("899cf89e464efb63f54ddac96b0a0a235f53aa78", PushCrypto.signature("AAAAA", "1714037059", "486452656"));
    }

    @Test
    void vectorAWhenDecryptedThenJsonAndAppIdAndReplyReproduced() {
        assertEquals("6c5c811b55cc85e0e1b54100749188c20beb3f5d", PushCrypto.signature("AAAAA", "1714112445", "415670741"));
        assertEquals("046e02f8204d34f8ba5fa3b1db94908f3df2e9b3",
                PushCrypto.msgSignature("AAAAA", "1714112445", "415670741", ENCRYPT_A));
        PushCrypto crypto = new PushCrypto(KEY_A, "wxba5fad812f8e6fb9");
        PushCrypto.Decrypted d = crypto.decrypt(ENCRYPT_A);
        assertEquals("a8eedb185eb2fecf", d.random());
        assertEquals(MSG_A, d.message());
        assertEquals(167, d.message().getBytes(StandardCharsets.UTF_8).length);
        assertEquals("wxba5fad812f8e6fb9", d.appId());

        String reply = crypto.encrypt("707722b803182950", "{\"demo_resp\":\"good luck\"}");
        assertEquals(REPLY_A, reply);
        assertEquals(64, Base64.getDecoder().decode(reply).length);
        assertEquals("1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1",
                PushCrypto.msgSignature("AAAAA", "1713424427", "415670741", reply));
    }

    @Test
    void vectorBWhenEncryptedThenSameCipherTextAndSignature() throws Exception {
        assertEquals("69b71d79f8218a39259a7a29aabb2dbafc31cb3d35db7e39ebbf3d0010831051",
                HexFormat.of().formatHex(Base64.getDecoder().decode(KEY_B + "=")));
        PushCrypto crypto = new PushCrypto(KEY_B, APPID_B);
        assertEquals(ENCRYPT_B, crypto.encrypt("aaaabbbbccccdddd", "我是中文abcd123"));
        assertEquals("我是中文abcd123", crypto.decrypt(ENCRYPT_B).message());
        assertEquals(APPID_B, crypto.decrypt(ENCRYPT_B).appId());
        assertEquals("82c962d39941aa48552f90ef55aa323dc620cc10",
                PushCrypto.msgSignature("pamtest", "1409304348", "xxxxxx", ENCRYPT_B));
    }

    @Test
    void vectorCWhenDecryptedThenXmlWithNewlinesAndIdSlot() {
        assertEquals("74d92dfeb87ba7c714f89d98870ae5eb62dff26d",
                PushCrypto.msgSignature("123456", "1411525903", "461056294", ENCRYPT_C));
        PushCrypto.Decrypted d = new PushCrypto(KEY_C, "wx49f0ab532d5d035a").decrypt(ENCRYPT_C);
        assertEquals("ec90b1530358d4d3", d.random());
        assertEquals(MSG_C, d.message());
        assertEquals("wx49f0ab532d5d035a", d.appId());
    }

    @Test
    void vectorDWhenSubscribeEventBuiltAndEnvelopedThenExactBodyAndSignatures() {
        PushMessage subscribe = PushMessage.event("gh_7f083739789a", "oia2TjjewbmiOUlr6X-1crbLOvLw", 1700000000L,
                "subscribe", "qrscene_bind42", "TICKET");
        assertEquals(MSG_D, subscribe.xml());
        assertEquals(321, subscribe.xml().getBytes(StandardCharsets.UTF_8).length);
        assertEquals(ENCRYPT_D, new PushCrypto(KEY_B, APPID_B).encrypt("aaaabbbbccccdddd", MSG_D));

        PushTarget aes = new PushTarget("http://localhost/push", PushMode.AES, "pamtest", KEY_B, APPID_B,
                Duration.ofSeconds(5), "config");
        PushEnvelope envelope = PushEnvelope.of(aes, subscribe, "1700000000", "123456789", "aaaabbbbccccdddd");
        assertEquals("<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><Encrypt><![CDATA[" + ENCRYPT_D
                + "]]></Encrypt></xml>", envelope.body());
        assertEquals("signature=b5f8761641d70e61357db469cb0ab84c67c50f1f&timestamp=1700000000&nonce=123456789"
                + "&openid=oia2TjjewbmiOUlr6X-1crbLOvLw&encrypt_type=aes"
                + "&msg_signature=072c70a287901b42354dafc488772ec3551da883", envelope.uri().getRawQuery());
    }

    @Test
    void envelopeWhenCompatibleOrPlainThenPlainFieldsWithOrWithoutEncrypt() {
        PushMessage subscribe = PushMessage.event("gh_7f083739789a", "oia2TjjewbmiOUlr6X-1crbLOvLw", 1700000000L,
                "subscribe", "qrscene_bind42", "TICKET");
        PushTarget compatible = new PushTarget("http://localhost/push?x=1", PushMode.COMPATIBLE, "pamtest", KEY_B,
                APPID_B, Duration.ofSeconds(5), "override");
        PushEnvelope both = PushEnvelope.of(compatible, subscribe, "1700000000", "123456789", "aaaabbbbccccdddd");
        assertEquals(MSG_D.replace("</xml>", "<Encrypt><![CDATA[" + ENCRYPT_D + "]]></Encrypt></xml>"), both.body());
        assertTrue(both.uri().toString().startsWith("http://localhost/push?x=1&signature="), both.uri().toString());
        assertTrue(both.uri().getRawQuery().endsWith("&msg_signature=072c70a287901b42354dafc488772ec3551da883"));

        PushTarget plain = new PushTarget("http://localhost/push", PushMode.PLAIN, "pamtest", null, APPID_B,
                Duration.ofSeconds(5), "default");
        PushEnvelope clear = PushEnvelope.of(plain, subscribe, "1700000000", "123456789", "aaaabbbbccccdddd");
        assertEquals(MSG_D, clear.body());
        assertEquals("signature=b5f8761641d70e61357db469cb0ab84c67c50f1f&timestamp=1700000000&nonce=123456789"
                + "&openid=oia2TjjewbmiOUlr6X-1crbLOvLw", clear.uri().getRawQuery());
    }

    @Test
    void paddingWhenAlignedOrNotThenBlockOf32AndStrictUnpad() {
        assertEquals(32, PushCrypto.pad(new byte[0]).length);
        assertEquals(64, PushCrypto.pad(new byte[32]).length, "aligned input gets a whole block of 32");
        assertEquals(19, PushCrypto.pad(new byte[205])[223]);
        assertThrows(IllegalArgumentException.class, () -> PushCrypto.unpad(new byte[] {1, 2, 33}));
        assertThrows(IllegalArgumentException.class, () -> PushCrypto.unpad(new byte[] {1, 0}));
    }

    @Test
    void decryptWhenGarbageOrWrongKeyThenIllegalArgument() {
        PushCrypto crypto = new PushCrypto(KEY_B, APPID_B);
        assertThrows(IllegalArgumentException.class, () -> crypto.decrypt("not base64!"));
        assertThrows(IllegalArgumentException.class, () -> crypto.decrypt("AAAA"));
        assertThrows(IllegalArgumentException.class, () -> new PushCrypto(KEY_A, APPID_B).decrypt(ENCRYPT_B));
        assertThrows(IllegalArgumentException.class, () -> new PushCrypto("short", APPID_B));
    }

    @Test
    void sameSignatureWhenCaseDiffersOrNullThenOnlyEqualHexMatches() {
        String sig = PushCrypto.signature("AAAAA", "1714036504", "1514711492");
        assertTrue(PushCrypto.sameSignature(sig, sig.toUpperCase()));
        assertFalse(PushCrypto.sameSignature(sig, sig.substring(1) + "0"));
        assertFalse(PushCrypto.sameSignature(sig, null));
    }
}
