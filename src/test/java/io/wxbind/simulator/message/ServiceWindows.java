package io.wxbind.simulator.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer-service sending windows (protocol §8): an official account may send a person
 * custom messages only after that person interacted with it, a limited number per interaction.
 * A new interaction of the same kind starts that kind's window afresh; each message uses the
 * quota of the open window that closes first. No open window → 45015, open windows but their
 * quota used up → 45047. Unfollowing closes every window (45015 "subscription is canceled").
 * Time is the simulator clock's, so tests step over the 1-minute and 48-hour limits.
 */
public final class ServiceWindows {

    /** What the person did, with the messages and time it allows. */
    public enum Interaction {
        /** The person sent a message: 5 messages within 48 hours. */
        MESSAGE(5, Duration.ofHours(48)),
        /** Followed, scanned a parametric QR code or clicked a menu (click type): 3 within 1 minute. */
        EVENT(3, Duration.ofMinutes(1));

        private final int quota;
        private final Duration window;

        Interaction(int quota, Duration window) {
            this.quota = quota;
            this.window = window;
        }

        public int quota() {
            return quota;
        }

        public Duration window() {
            return window;
        }
    }

    /** An open window as the control API shows it. */
    public record Window(Interaction interaction, Instant openedAt, Instant closesAt, int remaining) {
    }

    public static final int OK = 0;
    public static final int OUT_OF_TIME = 45015;
    public static final int OUT_OF_QUOTA = 45047;

    private static final class Grant {
        private final Instant openedAt;
        private final Instant closesAt;
        private int remaining;

        private Grant(Instant openedAt, Interaction interaction) {
            this.openedAt = openedAt;
            this.closesAt = openedAt.plus(interaction.window());
            this.remaining = interaction.quota();
        }
    }

    private final Clock clock;
    private final Map<String, Map<Interaction, Grant>> grants = new HashMap<>();

    public ServiceWindows(Clock clock) {
        this.clock = clock;
    }

    public synchronized void open(String appId, String personId, Interaction interaction) {
        grants.computeIfAbsent(key(appId, personId), k -> new EnumMap<>(Interaction.class))
                .put(interaction, new Grant(clock.instant(), interaction));
    }

    public synchronized void close(String appId, String personId) {
        grants.remove(key(appId, personId));
    }

    /** Uses one message of the quota: {@link #OK}, or errcode 45015 / 45047 (nothing used). */
    public synchronized int consume(String appId, String personId) {
        Map<Interaction, Grant> open = openGrants(appId, personId);
        if (open.isEmpty()) {
            return OUT_OF_TIME;
        }
        Grant grant = open.values().stream().filter(g -> g.remaining > 0)
                .min(Comparator.comparing((Grant g) -> g.closesAt)).orElse(null);
        if (grant == null) {
            return OUT_OF_QUOTA;
        }
        grant.remaining--;
        return OK;
    }

    public synchronized List<Window> windows(String appId, String personId) {
        List<Window> windows = new ArrayList<>();
        openGrants(appId, personId).forEach((interaction, g) ->
                windows.add(new Window(interaction, g.openedAt, g.closesAt, g.remaining)));
        return windows;
    }

    public synchronized void reset() {
        grants.clear();
    }

    /** The person's windows that are still open now; closed ones are dropped. */
    private Map<Interaction, Grant> openGrants(String appId, String personId) {
        Map<Interaction, Grant> all = grants.get(key(appId, personId));
        if (all == null) {
            return Map.of();
        }
        Instant now = clock.instant();
        all.values().removeIf(g -> !now.isBefore(g.closesAt));
        if (all.isEmpty()) {
            grants.remove(key(appId, personId));
        }
        return all;
    }

    private static String key(String appId, String personId) {
        return appId + '\0' + personId;
    }
}
