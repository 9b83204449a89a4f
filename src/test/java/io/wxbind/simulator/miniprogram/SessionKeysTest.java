package io.wxbind.simulator.miniprogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SessionKeysTest {

    private static final String MINI = "wx7e6d5c4b3a291807";
    private final SessionKeys keys = new SessionKeys();

    @Test
    void signatureWhenProtocolVectorThenHmacOfEmptyMessageUnderKeyString() {
        assertEquals("46e043c5525c2d817c44be603d30837a808a1d930d038f6fdc3e62a201fed128",
                SessionKeys.signature("o0q0otL8aEzpcZL/FT9WsQ=="));
    }

    @Test
    void rotateWhenCalledThenNewBase64KeyOfSixteenBytesEachTime() {
        String first = keys.rotate(MINI, "zhang-wei");
        String second = keys.rotate(MINI, "zhang-wei");
        assertEquals(24, first.length());
        assertEquals(16, Base64.getDecoder().decode(first).length);
        assertNotEquals(first, second);
        assertEquals(second, keys.current(MINI, "zhang-wei").orElseThrow());
    }

    @Test
    void signatureMatchesWhenCurrentKeyThenTrueWhenRotatedOrOtherPairThenFalse() {
        String old = keys.rotate(MINI, "zhang-wei");
        assertTrue(keys.signatureMatches(MINI, "zhang-wei", SessionKeys.signature(old)));
        assertFalse(keys.signatureMatches(MINI, "li-na", SessionKeys.signature(old)));
        assertFalse(keys.signatureMatches("wx0000000000000000", "zhang-wei", SessionKeys.signature(old)));
        keys.rotate(MINI, "zhang-wei");
        assertFalse(keys.signatureMatches(MINI, "zhang-wei", SessionKeys.signature(old)));
        assertFalse(keys.signatureMatches(MINI, "zhang-wei", null));
    }

    @Test
    void currentWhenNeverLoggedInOrResetThenEmpty() {
        assertTrue(keys.current(MINI, "zhang-wei").isEmpty());
        keys.rotate(MINI, "zhang-wei");
        keys.reset();
        assertTrue(keys.current(MINI, "zhang-wei").isEmpty());
        assertFalse(keys.signatureMatches(MINI, "zhang-wei", SessionKeys.signature("x")));
    }
}
