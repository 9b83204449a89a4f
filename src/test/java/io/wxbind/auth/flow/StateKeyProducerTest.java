package io.wxbind.auth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** wxbind.state-key: derived from the app secret when unset, refused when short, never shown. */
class StateKeyProducerTest {

    private static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void readWhenUnsetOrBlankThenDerivedFromAppSecretSameOnEveryNode() {
        String state = new SignedState(StateKeyProducer.read(Optional.empty(), "app-secret")).issue(EXPIRES);
        assertTrue(new SignedState(StateKeyProducer.read(Optional.of("  "), "app-secret")).expiryOf(state).isPresent(), "another node");
        assertFalse(new SignedState(StateKeyProducer.read(Optional.empty(), "other-secret")).expiryOf(state).isPresent());
        assertFalse(new SignedState(StateKey.of(Optional.of("app-secret"), "x")).expiryOf(state).isPresent(),
                "the derived key is not the bare app secret");
    }

    @Test
    void readWhenConfiguredThenUsedInsteadOfAppSecret() {
        String configured = "0123456789abcdef0123456789abcdef";
        String state = new SignedState(StateKeyProducer.read(Optional.of(configured), "app-secret")).issue(EXPIRES);
        assertTrue(new SignedState(StateKeyProducer.read(Optional.of(configured), "rotated-app-secret")).expiryOf(state).isPresent());
        assertFalse(new SignedState(StateKeyProducer.read(Optional.empty(), "app-secret")).expiryOf(state).isPresent());
    }

    @Test
    void readWhenTooShortThenDeploymentFailsWithoutShowingTheValue() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StateKeyProducer.read(Optional.of("short-secret-value"), "app-secret"));
        assertTrue(e.getMessage().contains("wxbind.state-key") && e.getMessage().contains("32"), e.getMessage());
        assertFalse(e.getMessage().contains("short-secret-value"));
        assertEquals("StateKey[***]", StateKeyProducer.read(Optional.empty(), "app-secret").toString());
    }
}
