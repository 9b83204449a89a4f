package io.wxbind.simulator.push;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Every push the simulator sent, oldest first, with each delivery's outcome, so tests can see
 * retries, signatures that were refused, or replies WeChat would reject. Bounded; the oldest
 * entries go first.
 */
public final class PushLog {

    static final int MAX_ENTRIES = 1000;

    /** One push: who, what, where, and how each delivery ended. */
    public record Entry(long id, String appId, String personId, PushMessage message, PushTarget target,
            PushSender.Result result, Instant at) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private long nextId = 1;

    public synchronized Entry add(String appId, String personId, PushMessage message, PushTarget target,
            PushSender.Result result, Instant at) {
        Entry entry = new Entry(nextId++, appId, personId, message, target, result, at);
        entries.addLast(entry);
        while (entries.size() > MAX_ENTRIES) {
            entries.removeFirst();
        }
        return entry;
    }

    /** Entries matching both filters (null = any), oldest first. */
    public synchronized List<Entry> list(String appId, String personId) {
        return entries.stream().filter(e -> appId == null || e.appId().equals(appId))
                .filter(e -> personId == null || e.personId().equals(personId)).toList();
    }

    public synchronized java.util.Optional<Entry> find(long id) {
        return entries.stream().filter(e -> e.id() == id).findFirst();
    }

    public synchronized void reset() {
        entries.clear();
    }
}
