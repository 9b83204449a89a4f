package io.wxbind.simulator.oauth;

import io.wxbind.simulator.PurgeSchedule;
import io.wxbind.simulator.RandomIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Authorize requests waiting for the user's answer on the consent or QR page. The page posts back
 * only the random pending id; the redirect_uri stays here, so a tampered form cannot redirect
 * elsewhere. Each id is taken once and lives 10 minutes.
 */
public final class PendingAuthorizations {

    public static final Duration TTL = Duration.ofMinutes(10);

    /** {@code personId} is fixed for consent pages and null for the QR page (chosen on it). */
    public record Pending(AuthorizeRequest request, String personId) {
    }

    private record Entry(Pending pending, Instant expiresAt) {
    }

    private final Clock clock;
    private final Map<String, Entry> byId = new HashMap<>();
    private final PurgeSchedule purge = new PurgeSchedule();

    public PendingAuthorizations(Clock clock) {
        this.clock = clock;
    }

    public synchronized String put(Pending pending) {
        Instant now = clock.instant();
        if (purge.due(now)) {
            byId.values().removeIf(e -> !now.isBefore(e.expiresAt));
        }
        String id = RandomIds.alphanumeric(32);
        byId.put(id, new Entry(pending, now.plus(TTL)));
        return id;
    }

    public synchronized Optional<Pending> take(String id) {
        Entry entry = id == null ? null : byId.remove(id);
        if (entry == null || !clock.instant().isBefore(entry.expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(entry.pending);
    }

    public synchronized void reset() {
        byId.clear();
        purge.reset();
    }
}
