package io.wxbind.simulator.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.simulator.SimClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuthCodesTest {

    private static final String APP = "wx1a2b3c4d5e6f7a8b";
    private final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC));
    private final AuthCodes codes = new AuthCodes(clock);
    private final CodeGrant grant = new CodeGrant(APP, "zhang-wei", "snsapi_base", false);

    @Test
    void redeemWhenFreshThenReturnsTheGrant() {
        String code = codes.issue(grant);
        AuthCodes.Redemption redemption = codes.redeem(code, APP);
        assertEquals(0, redemption.errcode());
        assertEquals(grant, redemption.grant());
    }

    @Test
    void redeemWhenUsedTwiceThen40163() {
        String code = codes.issue(grant);
        codes.redeem(code, APP);
        AuthCodes.Redemption second = codes.redeem(code, APP);
        assertEquals(40163, second.errcode());
        assertNull(second.grant());
    }

    @Test
    void redeemWhenOlderThanFiveMinutesThen40029() {
        String code = codes.issue(grant);
        clock.advance(Duration.ofMinutes(5));
        assertEquals(40029, codes.redeem(code, APP).errcode());
    }

    @Test
    void redeemWhenJustUnderFiveMinutesThenOk() {
        String code = codes.issue(grant);
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertTrue(codes.redeem(code, APP).ok());
    }

    @Test
    void redeemWhenOtherAppThen40029AndCodeStaysUsableForItsApp() {
        String code = codes.issue(grant);
        assertEquals(40029, codes.redeem(code, "wx0f1e2d3c4b5a6978").errcode());
        assertTrue(codes.redeem(code, APP).ok());
    }

    @Test
    void redeemWhenUnknownOrNullThen40029() {
        assertEquals(40029, codes.redeem("nope", APP).errcode());
        assertEquals(40029, codes.redeem(null, APP).errcode());
    }

    @Test
    void issueWhenCalledTwiceThenDifferentOpaqueCodes() {
        String first = codes.issue(grant);
        String second = codes.issue(grant);
        assertNotEquals(first, second);
        assertTrue(first.matches("[A-Za-z0-9]{32}"), first);
    }

    @Test
    void resetWhenCodesIssuedThenTheyAreGone() {
        String code = codes.issue(grant);
        codes.reset();
        assertEquals(40029, codes.redeem(code, APP).errcode());
    }
}
