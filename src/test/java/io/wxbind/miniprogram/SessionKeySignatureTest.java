package io.wxbind.miniprogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SessionKeySignatureTest {

    @Test
    void ofWhenProtocolVectorThenLowercaseHexHmacOfEmptyMessage() {
        // protocol §3.2: the key string's UTF-8 bytes as the HMAC key, not its Base64-decoded bytes
        assertEquals("46e043c5525c2d817c44be603d30837a808a1d930d038f6fdc3e62a201fed128",
                SessionKeySignature.of("o0q0otL8aEzpcZL/FT9WsQ=="));
    }

    @Test
    void ofWhenAnotherKeyThenAnotherSignature() {
        assertNotEquals(SessionKeySignature.of("o0q0otL8aEzpcZL/FT9WsQ=="), SessionKeySignature.of("tiihtNczf5v6AKRyjwEUhQ=="));
    }
}
