package io.wxbind.simulator.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wxbind.simulator.SimClock;
import io.wxbind.simulator.config.SimDefaults;
import io.wxbind.simulator.people.IdDerivation;
import io.wxbind.simulator.people.SimPeople;
import io.wxbind.simulator.people.Subscriptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomMessagesTest {

    private static final String APP = SimDefaults.OFFICIAL_APP_ID;
    private final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));
    private final IdDerivation ids = new IdDerivation("s".getBytes(StandardCharsets.UTF_8));
    private final Subscriptions subscriptions = new Subscriptions();
    private final ServiceWindows windows = new ServiceWindows(clock);
    private final Inbox inbox = new Inbox(clock);
    private final CustomMessages messages = new CustomMessages(clock, new SimPeople(SimDefaults.people()), ids,
            subscriptions, windows, inbox);

    private int send(String person, String text) {
        return messages.send(APP, new CustomMessage(ids.openId(APP, person), "text", text));
    }

    private void follow(String person) {
        subscriptions.subscribe(new Subscriptions.Subscription(APP, person, clock.instant(), "ADD_SCENE_QR_CODE", 0, "x"));
    }

    @Test
    void sendWhenScannedThenThreeDeliveredAndRecordedThenQuotaAndTimeErrors() {
        follow("li-na");
        windows.open(APP, "li-na", ServiceWindows.Interaction.EVENT);
        assertEquals(List.of(0, 0, 0, 45047), List.of(send("li-na", "1"), send("li-na", "2"), send("li-na", "3"),
                send("li-na", "4")));
        assertEquals(List.of("1", "2", "3"), inbox.of("li-na", APP).stream().map(Inbox.Received::text).toList());
        assertEquals(Inbox.Kind.CUSTOM, inbox.of("li-na", null).get(0).kind());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(45015, send("li-na", "late"));
    }

    @Test
    void sendWhenUnknownOpenIdOrNotFollowingThen40003Or45015() {
        assertEquals(40003, messages.send(APP, new CustomMessage("o-nobody", "text", "x")));
        assertEquals(40003, messages.send(APP, new CustomMessage(ids.openId("wxother", "li-na"), "text", "x")),
                "an openid of another app");
        windows.open(APP, "zhang-wei", ServiceWindows.Interaction.MESSAGE);
        assertEquals(45015, send("zhang-wei", "not a follower"));
        assertEquals(List.of(), inbox.of("zhang-wei", null));
    }
}
