package io.wxbind.simulator.oauth;

import io.wxbind.simulator.PurgeSchedule;
import io.wxbind.simulator.RandomIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Authorization codes (protocol §1.2/§1.3): random, single use, valid 5 minutes, bound to the app
 * they were issued for. Unknown, expired and other-app codes give 40029 (what developers observe,
 * rather than the documented 42003); a second exchange of the same code gives 40163.
 */
public final class AuthCodes {

    public static final Duration TTL = Duration.ofMinutes(5);
    /** Used and expired codes are kept this long, so reuse reports 40163 rather than 40029. */
    private static final Duration KEEP = Duration.ofMinutes(30);

    /** Either {@code grant} (success) or a non-zero {@code errcode}. */
    public record Redemption(CodeGrant grant, int errcode) {
        public boolean ok() {
            return errcode == 0;
        }
    }

    private static final class Entry {
        private final CodeGrant grant;
        private final Instant issuedAt;
        private boolean used;

        private Entry(CodeGrant grant, Instant issuedAt) {
            this.grant = grant;
            this.issuedAt = issuedAt;
        }
    }

    private final Clock clock;
    private final Map<String, Entry> codes = new HashMap<>();
    private final PurgeSchedule purge = new PurgeSchedule();

    public AuthCodes(Clock clock) {
        this.clock = clock;
    }

    public synchronized String issue(CodeGrant grant) {
        Instant now = clock.instant();
        if (purge.due(now)) {
            codes.values().removeIf(e -> e.issuedAt.plus(KEEP).isBefore(now));
        }
        String code;
        do {
            code = RandomIds.alphanumeric(32);
        } while (codes.containsKey(code));
        codes.put(code, new Entry(grant, now));
        return code;
    }

    /** Redeems {@code code} for {@code appId}; a code of another app is not consumed. */
    public synchronized Redemption redeem(String code, String appId) {
        return redeem(code, appId, grant -> 0);
    }

    /**
     * Redeems {@code code} for {@code appId} if {@code check} (run on the still unused grant,
     * under this store's lock) answers 0; otherwise answers its errcode and leaves the code
     * unused, as for a code of another app: a refused call (another user's openid, a rate limit)
     * does not burn the code.
     */
    public synchronized Redemption redeem(String code, String appId, ToIntFunction<CodeGrant> check) {
        Entry entry = code == null ? null : codes.get(code);
        if (entry == null || !clock.instant().isBefore(entry.issuedAt.plus(TTL))
                || !entry.grant.appId().equals(appId)) {
            return new Redemption(null, 40029);
        }
        if (entry.used) {
            return new Redemption(null, 40163);
        }
        int refused = check.applyAsInt(entry.grant);
        if (refused != 0) {
            return new Redemption(null, refused);
        }
        entry.used = true;
        return new Redemption(entry.grant, 0);
    }

    public synchronized void reset() {
        codes.clear();
        purge.reset();
    }
}
