package io.wxbind.simulator.message;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each person received from official accounts, oldest first: passive replies to pushes,
 * customer-service messages, and WeChat's own "service unavailable" notice after a push failed.
 * Tests read a person's "bound to alice" notice here. Bounded per person.
 */
public final class Inbox {

    static final int MAX_PER_PERSON = 500;

    public enum Kind {
        /** A passive reply in the developer server's answer to a push (§6.4). */
        PASSIVE("passive"),
        /** A {@code message/custom/send} message (§8). */
        CUSTOM("custom"),
        /** WeChat's own notice when the developer server failed to answer (§6.3). */
        NOTICE("notice");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** One received message; {@code seq} orders messages across people. */
    public record Received(long seq, String appId, String personId, Kind kind, String msgType, String text,
            Instant at) {
    }

    /** What WeChat shows when the developer server times out or answers garbage (§6.3). */
    public static final String SERVICE_UNAVAILABLE = "该公众号暂时无法提供服务，请稍后再试";

    private final Clock clock;
    private final Map<String, Deque<Received>> byPerson = new HashMap<>();
    private long nextSeq = 1;

    public Inbox(Clock clock) {
        this.clock = clock;
    }

    public synchronized Received add(String appId, String personId, Kind kind, String msgType, String text) {
        Received received = new Received(nextSeq++, appId, personId, kind, msgType, text, clock.instant());
        Deque<Received> messages = byPerson.computeIfAbsent(personId, k -> new ArrayDeque<>());
        messages.addLast(received);
        while (messages.size() > MAX_PER_PERSON) {
            messages.removeFirst();
        }
        return received;
    }

    /** The person's messages, oldest first; only those from {@code appId} when it is not null. */
    public synchronized List<Received> of(String personId, String appId) {
        Deque<Received> messages = byPerson.get(personId);
        if (messages == null) {
            return List.of();
        }
        return messages.stream().filter(m -> appId == null || m.appId().equals(appId)).toList();
    }

    /** Forgets the person's messages; returns how many there were. */
    public synchronized int clear(String personId) {
        Deque<Received> removed = byPerson.remove(personId);
        return removed == null ? 0 : removed.size();
    }

    public synchronized void reset() {
        byPerson.clear();
    }
}
