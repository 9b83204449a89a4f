package io.wxbind.simulator.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.simulator.SimClock;
import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.IpAllowList;
import io.wxbind.simulator.config.SimApp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StableTokensTest {

    private final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));
    private final TokenLog log = new TokenLog();
    private final ServerTokens registry = new ServerTokens(clock, log);
    private final StableTokens stable = new StableTokens(clock, registry, log);
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
                2000, IpAllowList.none());
        String first = stable.get(shortLived, false).accessToken();
        clock.advance(Duration.ofSeconds(59));
        assertEquals(first, stable.get(shortLived, false).accessToken());
        clock.advance(Duration.ofSeconds(1));
        assertNotEquals(first, stable.get(shortLived, false).accessToken());
    }

    @Test
    void getWhenTwentySecondWindowAndFiveSecondGraceThenRotatesWithFiveLeft() {
        SimApp scaled = scaled(20, 5);
        ServerTokens.Issued first = stable.get(scaled, false);
        assertEquals(20, first.expiresIn());
        clock.advance(Duration.ofMillis(14_999));
        ServerTokens.Issued same = stable.get(scaled, false);
        assertEquals(first.accessToken(), same.accessToken(), "more than the 5 s grace left");
        assertEquals(5, same.expiresIn());
        clock.advance(Duration.ofMillis(1));
        ServerTokens.Issued rotated = stable.get(scaled, false);
        assertNotEquals(first.accessToken(), rotated.accessToken(), "5 s left: rotate");
        assertEquals(20, rotated.expiresIn());
        assertTrue(registry.validate(first.accessToken()).ok(), "old and new both valid in the last 5 s");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(42001, registry.validate(first.accessToken()).errcode());
        assertEquals(rotated.accessToken(), stable.get(scaled, false).accessToken());
    }

    @Test
    void getWhenTwentySecondWindowThenOneNewTokenPerWindowAndExpiresInNeverBelowGrace() {
        SimApp scaled = scaled(20, 5);
        for (int i = 0; i < 600; i++) {
            assertTrue(stable.get(scaled, false).expiresIn() >= 5);
            clock.advance(Duration.ofMillis(250));
        }
        List<TokenLog.Entry> fresh = log.snapshot(scaled.appId()).entries().stream().filter(TokenLog.Entry::fresh)
                .toList();
        assertEquals(10, fresh.size(), "150 s, first token at 0 s, then one every 15 s");
        for (int i = 1; i < fresh.size(); i++) {
            assertEquals(Duration.ofSeconds(15), Duration.between(fresh.get(i - 1).issuedAt(), fresh.get(i).issuedAt()));
        }
        assertEquals(new TokenLog.Counts(600, 10), log.snapshot(scaled.appId()).counts().get(ServerTokens.Kind.STABLE));
    }

    @Test
    void getWhenGraceLongerThanLifetimeThenRotatesAtHalfNotOnEveryCall() {
        SimApp odd = scaled(10, 300);
        String first = stable.get(odd, false).accessToken();
        clock.advance(Duration.ofSeconds(4));
        assertEquals(first, stable.get(odd, false).accessToken());
        clock.advance(Duration.ofSeconds(1));
        assertNotEquals(first, stable.get(odd, false).accessToken());
    }

    @Test
    void getWhenAnsweredThenLoggedAsNewOrExistingWithForceFlag() {
        stable.get(app, false);
        stable.get(app, false);
        stable.get(app, true);
        List<TokenLog.Entry> entries = log.snapshot(app.appId()).entries();
        assertEquals(List.of(true, false, true), entries.stream().map(TokenLog.Entry::fresh).toList());
        assertEquals(List.of(false, false, true), entries.stream().map(TokenLog.Entry::forceRefresh).toList());
        assertEquals(ServerTokens.Kind.STABLE, entries.get(0).kind());
    }

    private static SimApp scaled(int expiresIn, int grace) {
        return new SimApp("wxscaled", "s", AppType.OFFICIAL, "Scaled", null, null, null, null, null, expiresIn, grace,
                2000, IpAllowList.none());
    }
}
