package io.wxbind.auth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** wxbind.state-key: derived from the app secret when unset, refused when short, never shown. */
class StateKeyTest {

    private static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void ofWhenUnsetThenDerivedFromAppSecretSameOnEveryNode() {
        String state = new SignedState(StateKey.of(Optional.empty(), "app-secret")).issue(EXPIRES);
        assertTrue(new SignedState(StateKey.of(Optional.empty(), "app-secret")).expiryOf(state).isPresent(), "another node");
        assertFalse(new SignedState(StateKey.of(Optional.empty(), "other-secret")).expiryOf(state).isPresent());
        assertFalse(new SignedState(StateKey.of(Optional.of("app-secret"), "x")).expiryOf(state).isPresent(),
                "the derived key is not the bare app secret");
    }

    @Test
    void ofWhenConfiguredThenUsedInsteadOfAppSecret() {
        String configured = "0123456789abcdef0123456789abcdef";
        String state = new SignedState(StateKey.of(Optional.of(configured), "app-secret")).issue(EXPIRES);
        assertTrue(new SignedState(StateKey.of(Optional.of(configured), "rotated-app-secret")).expiryOf(state).isPresent());
        assertFalse(new SignedState(StateKey.of(Optional.empty(), "app-secret")).expiryOf(state).isPresent());
    }

    @Test
    void toStringWhenPrintedThenNoKey() {
        assertEquals("StateKey[***]", StateKey.of(Optional.of("0123456789abcdef0123456789abcdef"), "app-secret").toString());
    }
}
