package io.wxbind.miniprogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class EncryptedDataCipherTest {

    /** WeChat's official decrypt sample (protocol §3.4). */
    static final String KEY = "tiihtNczf5v6AKRyjwEUhQ==";
    static final String IV = "r7BXXKkLb8qrSNn05n0qiA==";
    static final String DATA = "CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS9uT5geRa0W4oTOb1WT7fJlAC+oNPdbB+3hVbJSRgv+4lGOETKUQz6OYStslQ142dNCuabNPGBzlooOmB231qMM85d2/fV6ChevvXvQP8Hkue1poOFtnEtpyxVLW1zAo6/1Xx1COxFvrc2d7UL/lmHInNlxuacJXwu0fjpXfz/YqYzBIBzD6WUfTIF9GRHpOn/Hz7saL8xz+W//FRAUid1OksQaQx4CMs8LOddcQhULW4ucetDf96JcR3g0gfRK4PC7E/r7Z6xNrXd2UIeorGj5Ef7b1pJAYB6Y5anaHqZ9J6nKEBvB4DnNLIVWSgARns/8wR2SiRS7MNACwTyrGvt9ts8p12PKFdlqYTopNHR1Vf7XjfhQlVsAJdNiKdYmYVoKlaRv85IfVunYzO0IKXsyl7JCUjCpoG20f0a04COwfneQAGGwd5oa+T8yO5hzuyDb/XcxxmK01EpqOyuxINew==";
    static final String PLAIN = "{\"openId\":\"oGZUI0egBJY1zhBYw2KhdUfwVJJE\",\"nickName\":\"Band\",\"gender\":1,\"language\":\"zh_CN\","
            + "\"city\":\"Guangzhou\",\"province\":\"Guangdong\",\"country\":\"CN\",\"avatarUrl\":\"http://wx.qlogo.cn/mmopen/vi_32/"
            + "aSKcBBPpibyKNicHNTMM0qJVh8Kjgiak2AHWr8MHM4WgMEm7GFhsf8OYrySdbvAMvTsw3mo8ibKicsnfN5pRjl1p8HQ/0\","
            + "\"unionId\":\"ocMvos6NjeKLIBqg5Mr9QjxrP1FA\",\"watermark\":{\"timestamp\":1477314187,\"appid\":\"wx4f4bc4dec97d474b\"}}";

    @Test
    void decryptWhenOfficialVectorThenOfficialPlaintext() {
        EncryptedDataCipher.Result r = EncryptedDataCipher.decrypt(KEY, DATA, IV);
        assertEquals(PLAIN, assertInstanceOf(EncryptedDataCipher.Result.Opened.class, r).plaintext());
    }

    @Test
    void decryptWhenAnotherSessionKeyThenWrongKey() {
        // what a rotated key (a later wx.login) looks like
        assertInstanceOf(EncryptedDataCipher.Result.WrongKey.class, EncryptedDataCipher.decrypt("o0q0otL8aEzpcZL/FT9WsQ==", DATA, IV));
    }

    @Test
    void decryptWhenIvOrDataMalformedThenMalformed() {
        assertInstanceOf(EncryptedDataCipher.Result.Malformed.class, EncryptedDataCipher.decrypt(KEY, DATA, "r7BXXKkLb8qrSNn05n0q"));
        assertInstanceOf(EncryptedDataCipher.Result.Malformed.class, EncryptedDataCipher.decrypt(KEY, DATA, "not base64!"));
        assertInstanceOf(EncryptedDataCipher.Result.Malformed.class, EncryptedDataCipher.decrypt(KEY, DATA, null));
        assertInstanceOf(EncryptedDataCipher.Result.Malformed.class, EncryptedDataCipher.decrypt(KEY, "%%%", IV));
        assertInstanceOf(EncryptedDataCipher.Result.Malformed.class, EncryptedDataCipher.decrypt(KEY, DATA.substring(4), IV));
        assertInstanceOf(EncryptedDataCipher.Result.Malformed.class, EncryptedDataCipher.decrypt(KEY, "", IV));
        assertInstanceOf(EncryptedDataCipher.Result.Malformed.class, EncryptedDataCipher.decrypt(KEY, "A".repeat(9000), IV));
    }
}
