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

class ServerTokensTest {

    // 08:00 Beijing time on 2025-03-01.
    private final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));
    private final TokenLog log = new TokenLog();
    private final ServerTokens tokens = new ServerTokens(clock, log);
    private final SimApp app = SimApp.of("wx1a2b3c4d5e6f7a8b", "s", AppType.OFFICIAL, "Demo", null);

    private static SimApp app(int expiresIn, int grace, int quota) {
        return new SimApp("wxshort", "s", AppType.OFFICIAL, "Short", null, null, null, null, null,
                expiresIn, grace, quota, IpAllowList.none());
    }

    @Test
    void issueWhenCalledThenValidTokenWithConfiguredLifetime() {
        ServerTokens.Issued issued = tokens.issueClientCredential(app);
        assertTrue(issued.ok());
        assertEquals(7200, issued.expiresIn());
        assertTrue(issued.accessToken().length() >= 100, "WeChat tokens are long and opaque");
        assertEquals(new ServerTokens.Check("wx1a2b3c4d5e6f7a8b", 0), tokens.validate(issued.accessToken()));
        assertEquals(60, tokens.issueClientCredential(app(60, 300, 10)).expiresIn());
    }

    @Test
    void issueWhenCalledAgainThenNewTokenAndOldWorksDuringGraceThen40001() {
        String first = tokens.issueClientCredential(app).accessToken();
        clock.advance(Duration.ofMinutes(10));
        String second = tokens.issueClientCredential(app).accessToken();
        assertNotEquals(first, second);

        clock.advance(Duration.ofSeconds(299));
        assertTrue(tokens.validate(first).ok(), "old token valid inside the 300 s grace");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(40001, tokens.validate(first).errcode());
        assertTrue(tokens.validate(second).ok());
    }

    @Test
    void issueWhenGraceConfiguredZeroThenOldTokenDiesAtOnce() {
        SimApp noGrace = app(7200, 0, 100);
        String first = tokens.issueClientCredential(noGrace).accessToken();
        tokens.issueClientCredential(noGrace);
        assertEquals(40001, tokens.validate(first).errcode());
    }

    @Test
    void validateWhenExpiredThen42001() {
        String token = tokens.issueClientCredential(app).accessToken();
        clock.advance(Duration.ofSeconds(7199));
        assertTrue(tokens.validate(token).ok());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(42001, tokens.validate(token).errcode());
    }

    @Test
    void validateWhenSupersededButExpiredFirstThen42001() {
        SimApp shortLived = app(100, 300, 100);
        String first = tokens.issueClientCredential(shortLived).accessToken();
        clock.advance(Duration.ofSeconds(50));
        tokens.issueClientCredential(shortLived);
        clock.advance(Duration.ofSeconds(60));
        assertEquals(42001, tokens.validate(first).errcode());
    }

    @Test
    void validateWhenMissingOrUnknownThen41001Or40014() {
        assertEquals(41001, tokens.validate(null).errcode());
        assertEquals(41001, tokens.validate("").errcode());
        assertEquals(40014, tokens.validate("not-a-token").errcode());
    }

    @Test
    void issueWhenDailyQuotaUsedThen45009UntilBeijingMidnight() {
        SimApp limited = app(7200, 300, 3);
        for (int i = 0; i < 3; i++) {
            assertTrue(tokens.issueClientCredential(limited).ok());
        }
        assertEquals(45009, tokens.issueClientCredential(limited).errcode());
        assertEquals(3, tokens.quotaUsed("wxshort"));
        clock.advance(Duration.ofHours(15)); // 23:00 Beijing: same day
        assertEquals(45009, tokens.issueClientCredential(limited).errcode());
        clock.advance(Duration.ofHours(1)); // 00:00 Beijing: new day
        assertTrue(tokens.issueClientCredential(limited).ok());
    }

    @Test
    void issueWhenOtherAppThenIndependentTokensAndQuota() {
        SimApp limited = app(7200, 300, 1);
        String mine = tokens.issueClientCredential(app).accessToken();
        tokens.issueClientCredential(limited);
        assertTrue(tokens.validate(mine).ok(), "another app's token does not supersede this one");
        assertEquals("wxshort", tokens.appIdOf(tokens.issueClientCredential(app(7200, 300, 5)).accessToken()));
    }

    @Test
    void issueWhenShortWindowThenOldTokenWorksForGraceSecondsOnly() {
        SimApp scaled = app(20, 5, 2000);
        String first = tokens.issueClientCredential(scaled).accessToken();
        clock.advance(Duration.ofSeconds(12));
        tokens.issueClientCredential(scaled);
        clock.advance(Duration.ofMillis(4999));
        assertTrue(tokens.validate(first).ok());
        clock.advance(Duration.ofMillis(1));
        assertEquals(40001, tokens.validate(first).errcode());
    }

    @Test
    void issueWhenSucceededThenLoggedWithoutTokenAndQuotaFailuresNot() {
        SimApp limited = app(20, 5, 1);
        tokens.issueClientCredential(limited);
        tokens.issueClientCredential(limited);
        TokenLog.Snapshot snapshot = log.snapshot("wxshort");
        assertEquals(List.of(new TokenLog.Entry("wxshort", ServerTokens.Kind.CLIENT_CREDENTIAL, clock.instant(), 20,
                false, true)), snapshot.entries());
        assertEquals(new TokenLog.Counts(1, 1), snapshot.counts().get(ServerTokens.Kind.CLIENT_CREDENTIAL));
    }

    @Test
    void resetWhenTokensIssuedThenUnknownAndQuotaCleared() {
        SimApp limited = app(7200, 300, 1);
        String token = tokens.issueClientCredential(limited).accessToken();
        tokens.reset();
        assertEquals(40014, tokens.validate(token).errcode());
        assertTrue(tokens.issueClientCredential(limited).ok());
    }
}
