package io.wxbind.simulator.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.simulator.SimClock;
import io.wxbind.simulator.oauth.WebTokens.WebAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WebTokensTest {

    private static final String APP = "wx1a2b3c4d5e6f7a8b";
    private final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));
    private final WebTokens tokens = new WebTokens(clock);
    private final WebGrant grant = new WebGrant(APP, "zhang-wei", "snsapi_userinfo", false, "oOpen", "oUnion");

    @Test
    void lookupWhenFreshThenGrantAnd7200Seconds() {
        WebAccess issued = tokens.issue(grant);
        assertEquals(7200, issued.expiresIn());
        WebAccess found = tokens.lookup(issued.accessToken());
        assertTrue(found.ok());
        assertEquals(grant, found.grant());
    }

    @Test
    void lookupWhenExpiredThen42001AndUnknownThen40014AndMissingThen41001() {
        WebAccess issued = tokens.issue(grant);
        clock.advance(Duration.ofSeconds(7200));
        assertEquals(42001, tokens.lookup(issued.accessToken()).errcode());
        assertEquals(40014, tokens.lookup("nope").errcode());
        assertEquals(41001, tokens.lookup(null).errcode());
    }

    @Test
    void refreshWhenAccessTokenStillValidThenSameTokenExtended() {
        WebAccess issued = tokens.issue(grant);
        clock.advance(Duration.ofSeconds(7000));
        WebAccess refreshed = tokens.refresh(APP, issued.refreshToken());
        assertEquals(issued.accessToken(), refreshed.accessToken());
        assertEquals(7200, refreshed.expiresIn());
        assertEquals(issued.refreshToken(), refreshed.refreshToken());
        clock.advance(Duration.ofSeconds(7199));
        assertTrue(tokens.lookup(issued.accessToken()).ok(), "expiry was extended");
    }

    @Test
    void refreshWhenAccessTokenExpiredThenNewToken() {
        WebAccess issued = tokens.issue(grant);
        clock.advance(Duration.ofHours(3));
        WebAccess refreshed = tokens.refresh(APP, issued.refreshToken());
        assertTrue(refreshed.ok());
        assertNotEquals(issued.accessToken(), refreshed.accessToken());
        assertTrue(tokens.lookup(refreshed.accessToken()).ok());
        assertEquals(42001, tokens.lookup(issued.accessToken()).errcode());
    }

    @Test
    void refreshWhenUnknownOrOtherAppThen40030AndAfter30DaysThen42002() {
        WebAccess issued = tokens.issue(grant);
        assertEquals(40030, tokens.refresh(APP, "nope").errcode());
        assertEquals(40030, tokens.refresh("wx0f1e2d3c4b5a6978", issued.refreshToken()).errcode());
        clock.advance(Duration.ofDays(30));
        assertEquals(42002, tokens.refresh(APP, issued.refreshToken()).errcode());
    }

    @Test
    void appIdOfWhenKnownTokenThenItsApp() {
        assertEquals(APP, tokens.appIdOf(tokens.issue(grant).accessToken()));
        assertEquals(null, tokens.appIdOf("nope"));
    }
}
