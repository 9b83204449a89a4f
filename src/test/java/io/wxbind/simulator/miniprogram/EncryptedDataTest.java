package io.wxbind.simulator.miniprogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class EncryptedDataTest {

    /** WeChat's official decrypt sample (protocol §3.4), appid wx4f4bc4dec97d474b. */
    private static final String SESSION_KEY = "tiihtNczf5v6AKRyjwEUhQ==";
    private static final String IV = "r7BXXKkLb8qrSNn05n0qiA==";
    private static final String ENCRYPTED = "CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS9uT5geRa0W4oTOb1WT7fJlAC"
            + "+oNPdbB+3hVbJSRgv+4lGOETKUQz6OYStslQ142dNCuabNPGBzlooOmB231qMM85d2/fV6ChevvXvQP8Hkue1poO"
            + "FtnEtpyxVLW1zAo6/1Xx1COxFvrc2d7UL/lmHInNlxuacJXwu0fjpXfz/YqYzBIBzD6WUfTIF9GRHpOn/Hz7saL8"
            + "xz+W//FRAUid1OksQaQx4CMs8LOddcQhULW4ucetDf96JcR3g0gfRK4PC7E/r7Z6xNrXd2UIeorGj5Ef7b1pJAYB"
            + "6Y5anaHqZ9J6nKEBvB4DnNLIVWSgARns/8wR2SiRS7MNACwTyrGvt9ts8p12PKFdlqYTopNHR1Vf7XjfhQlVsAJd"
            + "NiKdYmYVoKlaRv85IfVunYzO0IKXsyl7JCUjCpoG20f0a04COwfneQAGGwd5oa+T8yO5hzuyDb/XcxxmK01EpqOy"
            + "uxINew==";
    private static final String PLAINTEXT = "{\"openId\":\"oGZUI0egBJY1zhBYw2KhdUfwVJJE\",\"nickName\":\"Band\",\"gender\":1,\"langua"
            + "ge\":\"zh_CN\",\"city\":\"Guangzhou\",\"province\":\"Guangdong\",\"country\":\"CN\",\"av"
            + "atarUrl\":\"http://wx.qlogo.cn/mmopen/vi_32/aSKcBBPpibyKNicHNTMM0qJVh8Kjgiak2AHWr8MHM4Wg"
            + "MEm7GFhsf8OYrySdbvAMvTsw3mo8ibKicsnfN5pRjl1p8HQ/0\",\"unionId\":\"ocMvos6NjeKLIBqg5Mr9Qj"
            + "xrP1FA\",\"watermark\":{\"timestamp\":1477314187,\"appid\":\"wx4f4bc4dec97d474b\"}}";

    @Test
    void encryptWhenOfficialKeyAndIvThenOfficialEncryptedData() {
        EncryptedData data = EncryptedData.encrypt(PLAINTEXT, SESSION_KEY, Base64.getDecoder().decode(IV));
        assertEquals(ENCRYPTED, data.encryptedData());
        assertEquals(IV, data.iv());
    }

    @Test
    void encryptWhenRandomIvThenJavaxCryptoDecryptsItAsWeChatDocumentsAndIvsDiffer() throws Exception {
        String key = new SessionKeys().rotate("wx7e6d5c4b3a291807", "zhang-wei");
        String json = "{\"phoneNumber\":\"13800138000\",\"purePhoneNumber\":\"13800138000\",\"countryCode\":\"86\"}";
        EncryptedData data = EncryptedData.encrypt(json, key);
        assertEquals(16, Base64.getDecoder().decode(data.iv()).length);
        assertNotEquals(data.iv(), EncryptedData.encrypt(json, key).iv());

        // The developer's side, step by step as §3.4 says: AES-128-CBC, PKCS#7, Base64 inputs.
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(key), "AES"),
                new IvParameterSpec(Base64.getDecoder().decode(data.iv())));
        String plain = new String(cipher.doFinal(Base64.getDecoder().decode(data.encryptedData())), StandardCharsets.UTF_8);
        JsonObject decrypted = Json.createReader(new StringReader(plain)).readObject();
        assertEquals("13800138000", decrypted.getString("purePhoneNumber"));
        assertEquals("86", decrypted.getString("countryCode"));
    }
}
