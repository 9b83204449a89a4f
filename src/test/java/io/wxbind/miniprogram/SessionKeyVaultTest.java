package io.wxbind.miniprogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.wechat.MiniProgramSession;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The session_key at rest: sealed per user, opened only for that user under that secret. */
class SessionKeyVaultTest {

    private static final String KEY = "tiihtNczf5v6AKRyjwEUhQ==";
    private final SessionKeyVault vault = new SessionKeyVault("a-test-secret-of-at-least-32-characters");

    @Test
    void sealWhenOpenedForSameUserThenSessionKeyAndNeverPlain() {
        String sealed = vault.seal("wxMini", "openid-1", KEY);
        assertFalse(sealed.contains(KEY), "not stored in the clear");
        assertTrue(sealed.length() <= 128, "fits the column: " + sealed.length());
        assertEquals(Optional.of(KEY), vault.open("wxMini", "openid-1", sealed));
        assertNotEquals(sealed, vault.seal("wxMini", "openid-1", KEY), "a fresh IV each time");
    }

    @Test
    void openWhenAnotherUserOrAppOrSecretOrTamperedThenEmpty() {
        String sealed = vault.seal("wxMini", "openid-1", KEY);
        assertEquals(Optional.empty(), vault.open("wxMini", "openid-2", sealed), "a row copied onto another user");
        assertEquals(Optional.empty(), vault.open("wxOther", "openid-1", sealed));
        assertEquals(Optional.empty(), new SessionKeyVault("another-secret-of-at-least-32-characters!").open("wxMini", "openid-1", sealed));
        char[] chars = sealed.toCharArray();
        chars[20] = chars[20] == 'A' ? 'B' : 'A';
        assertEquals(Optional.empty(), vault.open("wxMini", "openid-1", new String(chars)));
        assertEquals(Optional.empty(), vault.open("wxMini", "openid-1", "not base64 !"));
        assertEquals(Optional.empty(), vault.open("wxMini", "openid-1", "AAAA"));
    }

    @Test
    void sessionWhenPrintedThenNoSessionKey() {
        String printed = new MiniProgramSession("oABCDEFGHIJKLMNOP", "uXYZ", KEY).toString();
        assertFalse(printed.contains(KEY), printed);
        assertFalse(printed.contains("oABCDEFGHIJKLMNOP"), "only a short openid: " + printed);
    }
}
