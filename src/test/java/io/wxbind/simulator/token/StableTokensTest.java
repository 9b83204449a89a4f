package io.wxbind.simulator.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.simulator.SimClock;
import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StableTokensTest {

    private final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));
    private final ServerTokens registry = new ServerTokens(clock);
    private final StableTokens stable = new StableTokens(clock, registry);
    private final SimApp app = SimApp.of("wx1a2b3c4d5e6f7a8b", "s", AppType.OFFICIAL, "Demo", null);

    @Test
    void getWhenValidThenSameTokenWithRemainingLifetime() {
        ServerTokens.Issued first = stable.get(app, false);
        assertEquals(7200, first.expiresIn());
        clock.advance(Duration.ofSeconds(1000));
        ServerTokens.Issued again = stable.get(app, false);
        assertEquals(first.accessToken(), again.accessToken());
        assertEquals(6200, again.expiresIn());
    }

    @Test
    void getWhenInLastFiveMinutesThenRotatesAndBothWork() {
        ServerTokens.Issued first = stable.get(app, false);
        clock.advance(Duration.ofSeconds(7200 - 300));
        ServerTokens.Issued rotated = stable.get(app, false);
        assertNotEquals(first.accessToken(), rotated.accessToken());
        assertEquals(7200, rotated.expiresIn());
        assertTrue(registry.validate(first.accessToken()).ok(), "old token works until its own expiry");
        assertTrue(registry.validate(rotated.accessToken()).ok());
        clock.advance(Duration.ofSeconds(300));
        assertEquals(42001, registry.validate(first.accessToken()).errcode());
    }

    @Test
    void getWhenCalledRepeatedlyThenExpiresInNeverBelow300() {
        for (int i = 0; i < 100; i++) {
            assertTrue(stable.get(app, false).expiresIn() >= 300);
            clock.advance(Duration.ofSeconds(97));
        }
    }

    @Test
    void getWhenForceRefreshThenNewTokenAndOldInvalidAtOnce() {
        String old = stable.get(app, false).accessToken();
        String fresh = stable.get(app, true).accessToken();
        assertNotEquals(old, fresh);
        assertEquals(40001, registry.validate(old).errcode());
        assertTrue(registry.validate(fresh).ok());
    }

    @Test
    void getWhenForceRefreshWithin30SecondsThenNoRefresh() {
        stable.get(app, false);
        String forced = stable.get(app, true).accessToken();
        clock.advance(Duration.ofSeconds(29));
        assertEquals(forced, stable.get(app, true).accessToken());
        clock.advance(Duration.ofSeconds(1));
        assertNotEquals(forced, stable.get(app, true).accessToken());
    }

    @Test
    void getWhenForceRefreshMoreThan20TimesADayThenNoRefresh() {
        String token = stable.get(app, false).accessToken();
        for (int i = 0; i < 20; i++) {
            String next = stable.get(app, true).accessToken();
            assertNotEquals(token, next, "force refresh #" + (i + 1));
            token = next;
            clock.advance(Duration.ofSeconds(30));
        }
        assertEquals(token, stable.get(app, true).accessToken());
    }

    @Test
    void stableAndClientCredentialTokensWhenMixedThenIsolated() {
        String stableToken = stable.get(app, false).accessToken();
        String classic = registry.issueClientCredential(app).accessToken();
        registry.issueClientCredential(app);
        clock.advance(Duration.ofSeconds(301));
        assertTrue(registry.validate(stableToken).ok(), "cgi-bin/token does not supersede stable tokens");
        assertEquals(40001, registry.validate(classic).errcode());
        stable.get(app, true);
        assertEquals(ServerTokens.Kind.STABLE, registry.kindOf(stableToken));
        assertTrue(registry.validate(registry.issueClientCredential(app).accessToken()).ok());
    }

    @Test
    void getWhenShortLifetimeThenRotatesInLastHalf() {
        SimApp shortLived = new SimApp("wxs", "s", AppType.OFFICIAL, "S", null, null, null, null, null, 120, 300,
                2000, io.wxbind.simulator.config.IpAllowList.none());
        String first = stable.get(shortLived, false).accessToken();
        clock.advance(Duration.ofSeconds(59));
        assertEquals(first, stable.get(shortLived, false).accessToken());
        clock.advance(Duration.ofSeconds(1));
        assertNotEquals(first, stable.get(shortLived, false).accessToken());
    }
}
