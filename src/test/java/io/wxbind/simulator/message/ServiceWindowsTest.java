package io.wxbind.simulator.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.simulator.SimClock;
import io.wxbind.simulator.message.ServiceWindows.Interaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ServiceWindowsTest {

    private static final String APP = "wx1a2b3c4d5e6f7a8b";
    private final SimClock clock = new SimClock(Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));
    private final ServiceWindows windows = new ServiceWindows(clock);

    private int send(String person) {
        return windows.consume(APP, person);
    }

    @Test
    void consumeWhenNoInteractionThen45015() {
        assertEquals(45015, send("p"));
    }

    @Test
    void consumeWhenEventInteractionThenThreeWithinOneMinuteThen45047() {
        windows.open(APP, "p", Interaction.EVENT);
        clock.advance(Duration.ofSeconds(59));
        assertEquals(0, send("p"));
        assertEquals(0, send("p"));
        assertEquals(0, send("p"));
        assertEquals(45047, send("p"), "quota of a scan/click/subscribe is 3");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(45015, send("p"), "the window closes after exactly one minute");
    }

    @Test
    void consumeWhenUserMessageThenFiveWithin48Hours() {
        windows.open(APP, "p", Interaction.MESSAGE);
        clock.advance(Duration.ofHours(47).plusMinutes(59));
        for (int i = 0; i < 5; i++) {
            assertEquals(0, send("p"), "message " + (i + 1));
        }
        assertEquals(45047, send("p"));
        windows.open(APP, "p", Interaction.MESSAGE);
        assertEquals(0, send("p"), "a new message from the person starts a fresh window");
        clock.advance(Duration.ofHours(48));
        assertEquals(45015, send("p"));
    }

    @Test
    void consumeWhenBothWindowsOpenThenSoonestClosingUsedFirstAndQuotasAdd() {
        windows.open(APP, "p", Interaction.MESSAGE);
        windows.open(APP, "p", Interaction.EVENT);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, send("p"));
        }
        assertEquals(5, windows.windows(APP, "p").stream()
                .filter(w -> w.interaction() == Interaction.MESSAGE).findFirst().orElseThrow().remaining(),
                "the 1-minute window was used first");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, windows.windows(APP, "p").size(), "the closed event window is gone");
        assertEquals(0, send("p"));
    }

    @Test
    void consumeWhenOtherPersonOrAppOrClosedThenSeparate() {
        windows.open(APP, "p", Interaction.EVENT);
        assertEquals(45015, send("q"));
        assertEquals(45015, windows.consume("wxother", "p"));
        windows.close(APP, "p");
        assertEquals(45015, send("p"), "unfollowing closes the windows");
        windows.open(APP, "p", Interaction.EVENT);
        windows.reset();
        assertTrue(windows.windows(APP, "p").isEmpty());
    }
}
