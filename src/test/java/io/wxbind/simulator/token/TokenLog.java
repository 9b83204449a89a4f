package io.wxbind.simulator.token;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every successful server-token answer ({@code cgi-bin/token}, {@code cgi-bin/stable_token}),
 * per app, without token values. Refresher tests read it to prove "one new token per window per
 * appid" across cluster nodes. Counts stay exact; the entry list keeps the newest
 * {@link #MAX_ENTRIES_PER_APP} per app so a refresh storm cannot exhaust memory.
 */
public final class TokenLog {

    public static final int MAX_ENTRIES_PER_APP = 10_000;

    /** One answer: {@code fresh} is false when stable_token handed back the current token. */
    public record Entry(String appId, ServerTokens.Kind kind, Instant issuedAt, long expiresIn, boolean forceRefresh,
            boolean fresh) {
    }

    /** Answers of one kind, and how many of them carried a new token. */
    public record Counts(long total, long fresh) {
        static final Counts ZERO = new Counts(0, 0);

        Counts add(Entry entry) {
            return new Counts(total + 1, fresh + (entry.fresh() ? 1 : 0));
        }

        Counts plus(Counts other) {
            return new Counts(total + other.total, fresh + other.fresh);
        }
    }

    /** Entries oldest first, counts per kind (every kind present), entries dropped by the cap. */
    public record Snapshot(List<Entry> entries, Map<ServerTokens.Kind, Counts> counts, long dropped) {
    }

    private static final class AppLog {
        private final Deque<Entry> entries = new ArrayDeque<>();
        private final Map<ServerTokens.Kind, Counts> counts = new EnumMap<>(ServerTokens.Kind.class);
        private long dropped;
    }

    private final Map<String, AppLog> apps = new TreeMap<>();

    public synchronized void record(Entry entry) {
        AppLog log = apps.computeIfAbsent(entry.appId(), k -> new AppLog());
        log.counts.merge(entry.kind(), Counts.ZERO.add(entry), Counts::plus);
        log.entries.addLast(entry);
        if (log.entries.size() > MAX_ENTRIES_PER_APP) {
            log.entries.removeFirst();
            log.dropped++;
        }
    }

    /** The log of {@code appId}, or of every app when null. */
    public synchronized Snapshot snapshot(String appId) {
        List<AppLog> logs = appId == null ? List.copyOf(apps.values())
                : apps.containsKey(appId) ? List.of(apps.get(appId)) : List.of();
        List<Entry> entries = new ArrayList<>();
        Map<ServerTokens.Kind, Counts> counts = new EnumMap<>(ServerTokens.Kind.class);
        for (ServerTokens.Kind kind : ServerTokens.Kind.values()) {
            counts.put(kind, Counts.ZERO);
        }
        long dropped = 0;
        for (AppLog log : logs) {
            entries.addAll(log.entries);
            log.counts.forEach((kind, c) -> counts.merge(kind, c, Counts::plus));
            dropped += log.dropped;
        }
        // Issuers of the two kinds hold different locks, so equal-millisecond neighbours may
        // arrive slightly out of order; a stable sort restores "oldest first".
        entries.sort(Comparator.comparing(Entry::issuedAt));
        return new Snapshot(List.copyOf(entries), Map.copyOf(counts), dropped);
    }

    /** Forgets the log of {@code appId}, or of every app when null. Tokens stay valid. */
    public synchronized void clear(String appId) {
        if (appId == null) {
            apps.clear();
        } else {
            apps.remove(appId);
        }
    }
}
