package io.wxbind.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.auth.LoginMethod;
import io.wxbind.auth.SessionLogin;
import io.wxbind.config.ConfigFixtures;
import io.wxbind.config.QrConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The caps on open status streams, and what counts as a fresh login for a bind QR. */
class QrStreamAndFreshnessTest {

    private static SseStreamLimits limits(int perBrowser, int perNode) {
        SseStreamLimits l = new SseStreamLimits();
        l.settings = ConfigFixtures.read(QrConfig::read, "wechat.qr.sse-per-browser", String.valueOf(perBrowser),
                "wechat.qr.sse-per-node", String.valueOf(perNode));
        return l;
    }

    @Test
    void acquireWhenBrowserOrNodeFullThenRefusedUntilReleased() {
        SseStreamLimits l = limits(2, 3);
        var a1 = assertInstanceOf(SseStreamLimits.Permit.class, l.acquire("a"));
        assertInstanceOf(SseStreamLimits.Permit.class, l.acquire("a"));
        var refused = assertInstanceOf(SseStreamLimits.Refusal.class, l.acquire("a"));
        assertTrue(refused.message().contains("This browser"), refused.message());
        assertEquals(2, l.open(), "a refusal holds nothing");

        assertInstanceOf(SseStreamLimits.Permit.class, l.acquire("b"));
        var full = assertInstanceOf(SseStreamLimits.Refusal.class, l.acquire("c"));
        assertTrue(full.message().contains("server"), full.message());
        assertEquals("too_many_streams", full.error());

        a1.release();
        a1.release(); // idempotent: a stream ended twice frees one place
        assertEquals(2, l.open());
        assertInstanceOf(SseStreamLimits.Permit.class, l.acquire("c"));
        assertInstanceOf(SseStreamLimits.Refusal.class, l.acquire("a"), "the node is full again");
    }

    @Test
    void validateWhenCapsNonsenseThenDeploymentFails() {
        assertThrows(IllegalStateException.class, () -> limits(0, 10));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> limits(5, 4));
        assertTrue(e.getMessage().contains("wechat.qr.sse-per-node"), e.getMessage());
    }

    @Test
    void isFreshWhenRecentSessionLoginThenYesAndBearerOrOldOrNoneThenNo() {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        Duration window = Duration.ofMinutes(5);
        assertTrue(FreshLogin.isFresh(login(LoginMethod.WECHAT, now.minusSeconds(299)), now, window));
        assertTrue(FreshLogin.isFresh(login(LoginMethod.WECHAT_BIND_PASSWORD, now), now, window));
        assertFalse(FreshLogin.isFresh(login(LoginMethod.WECHAT, now.minusSeconds(300)), now, window), "just too old");
        assertFalse(FreshLogin.isFresh(login(LoginMethod.API_TOKEN, now), now, window), "a bearer token proves no person is there");
        assertFalse(FreshLogin.isFresh(Optional.empty(), now, window));
        assertFalse(FreshLogin.isFresh(login(QrLoginCompleteEntry.METHOD, null), now, window));
    }

    private static Optional<SessionLogin> login(LoginMethod method, Instant at) {
        return Optional.of(new SessionLogin("alice", Set.of("user"), method, at, ""));
    }
}
