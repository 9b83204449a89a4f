package io.wxbind.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureTokensTest {

    @Test
    void alphanumericWhenGeneratedThenOnlyWeChatStateAlphabetAndUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String t = SecureTokens.alphanumeric(40);
            assertTrue(t.matches("[A-Za-z0-9]{40}"), t);
            assertTrue(seen.add(t), "duplicate token");
        }
    }

    @Test
    void looksLikeTokenWhenWrongLengthOrAlphabetThenFalse() {
        assertTrue(SecureTokens.looksLikeToken("a".repeat(32)));
        assertFalse(SecureTokens.looksLikeToken("a".repeat(31)));
        assertFalse(SecureTokens.looksLikeToken("a".repeat(129)));
        assertFalse(SecureTokens.looksLikeToken("a".repeat(31) + "-"));
        assertFalse(SecureTokens.looksLikeToken(null));
    }

    @Test
    void sha256HexWhenKnownInputThenKnownDigest() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SecureTokens.sha256Hex("abc"));
    }

    @Test
    void constantTimeEqualsWhenDifferentOrNullThenFalse() {
        assertTrue(SecureTokens.constantTimeEquals("abc", "abc"));
        assertFalse(SecureTokens.constantTimeEquals("abc", "abd"));
        assertFalse(SecureTokens.constantTimeEquals("abc", null));
    }
}
