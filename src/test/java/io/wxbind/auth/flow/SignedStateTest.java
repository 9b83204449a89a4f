package io.wxbind.auth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The signed state: WeChat's alphabet and length, its expiry read back, anything not ours refused. */
class SignedStateTest {

    private static final StateKey KEY = StateKey.of(Optional.empty(), "app-secret");
    private static final Instant EXPIRES = Instant.parse("2025-01-01T10:10:00Z");
    private final SignedState states = new SignedState(KEY);

    @Test
    void issueWhenCalledThenRandomAlphanumericWithinWeChatLimitAndExpiryReadBack() {
        String a = states.issue(EXPIRES);
        String b = states.issue(EXPIRES);
        assertTrue(a.matches("[A-Za-z0-9]{66}"), a);
        assertTrue(a.length() <= 128, "WeChat refuses states over 128 bytes");
        assertNotEquals(a, b);
        assertEquals(Optional.of(EXPIRES), states.expiryOf(a));
        assertEquals(Optional.of(EXPIRES), states.expiryOf(b));
    }

    @Test
    void expiryOfWhenAnyCharacterChangedThenEmpty() {
        String state = states.issue(EXPIRES);
        for (int i = 0; i < state.length(); i++) {
            char c = state.charAt(i);
            char other = Character.isDigit(c) ? (c == '9' ? '8' : (char) (c + 1)) : (c == 'a' ? 'b' : 'a');
            String changed = state.substring(0, i) + other + state.substring(i + 1);
            assertEquals(Optional.empty(), states.expiryOf(changed), "position " + i);
        }
    }

    @Test
    void expiryOfWhenOtherKeyOrNotOursThenEmpty() {
        String state = states.issue(EXPIRES);
        assertEquals(Optional.empty(), new SignedState(StateKey.of(Optional.empty(), "rotated")).expiryOf(state));
        assertEquals(Optional.empty(), states.expiryOf(state.toUpperCase()));
        for (String junk : new String[] {null, "", "<script>", "A".repeat(66), "A".repeat(40), "A".repeat(5000), state + "0",
                state.substring(1), state.replace(state.charAt(30), '-')}) {
            assertEquals(Optional.empty(), states.expiryOf(junk), String.valueOf(junk));
        }
    }
}
