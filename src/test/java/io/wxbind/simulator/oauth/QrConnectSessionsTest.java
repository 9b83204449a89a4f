package io.wxbind.simulator.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.simulator.SimClock;
import io.wxbind.simulator.config.AppType;
import io.wxbind.simulator.config.SimApp;
import io.wxbind.simulator.oauth.QrConnectSessions.Refusal;
import io.wxbind.simulator.oauth.QrConnectSessions.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QrConnectSessionsTest {

    private static final String APP = "wx0f1e2d3c4b5a6978";
    private final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC));
    private final QrConnectSessions sessions = new QrConnectSessions(clock);
    private final AuthCodes codes = new AuthCodes(clock);
    private final AuthorizeRequest request = new AuthorizeRequest(
            SimApp.of(APP, "9a8b7c6d5e4f30211203f4e5d6c7b8a9", AppType.WEBSITE, "Site", "open-x"),
            "http://localhost:8080/app/wechat/callback", OAuthScopes.LOGIN, "S1");

    @Test
    void pollWhenScannedAndAllowedThenRedirectWithCodeOnceForThatPerson() {
        String uuid = sessions.open(request);
        assertEquals(Status.WAITING, sessions.poll(uuid).status());
        assertNull(sessions.scan(uuid, "zhang-wei"));
        assertEquals(Status.SCANNED, sessions.poll(uuid).status());
        assertNull(sessions.answer(uuid, "zhang-wei", true, codes));
        QrConnectSessions.Poll done = sessions.poll(uuid);
        assertEquals(Status.CONFIRMED, done.status());
        String code = done.redirect().replaceAll(".*code=([A-Za-z0-9]+)&state=S1$", "$1");
        AuthCodes.Redemption redeemed = codes.redeem(code, APP);
        assertEquals("zhang-wei", redeemed.grant().personId());
        assertEquals(OAuthScopes.LOGIN, redeemed.grant().scope());
        QrConnectSessions.Poll again = sessions.poll(uuid);
        assertEquals(Status.EXPIRED, again.status(), "the redirect is handed out once");
        assertNull(again.redirect());
    }

    @Test
    void answerWhenDeniedThenStateOnly() {
        String uuid = sessions.open(request);
        sessions.scan(uuid, "li-na");
        assertNull(sessions.answer(uuid, "li-na", false, codes));
        QrConnectSessions.Poll done = sessions.poll(uuid);
        assertEquals(Status.DENIED, done.status());
        assertEquals("http://localhost:8080/app/wechat/callback?state=S1", done.redirect());
    }

    @Test
    void scanWhenSomeoneElseScannedOrNotScannedThenRefused() {
        String uuid = sessions.open(request);
        assertEquals(Refusal.NOT_SCANNED_BY_YOU, sessions.answer(uuid, "li-na", true, codes));
        sessions.scan(uuid, "zhang-wei");
        assertNull(sessions.scan(uuid, "zhang-wei"), "the same phone may scan again");
        assertEquals(Refusal.ALREADY_SCANNED, sessions.scan(uuid, "li-na"));
        assertEquals(Refusal.NOT_SCANNED_BY_YOU, sessions.answer(uuid, "li-na", true, codes));
        assertEquals(Refusal.UNKNOWN, sessions.scan("nope", "li-na"));
    }

    @Test
    void scanWhenFiveMinutesPassedThenExpired() {
        String uuid = sessions.open(request);
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Refusal.EXPIRED, sessions.scan(uuid, "zhang-wei"));
        assertEquals(Status.EXPIRED, sessions.poll(uuid).status());
        assertTrue(sessions.request(uuid).isEmpty());
    }
}
