package io.wxbind.auth.remember;

import io.wxbind.account.SecurityStamps;
import io.wxbind.account.StampCheck;
import io.wxbind.account.StampRotated;
import io.wxbind.util.SecureTokens;
import io.wxbind.cache.NodeCache;
import io.wxbind.config.RememberMeConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Issues, checks and removes remember-me tokens.
 *
 * <pre>
 *  1. issue: 32 random bytes (base64url, 43 chars) to the cookie; SHA-256, caller, the login's
 *     security stamp and method, expiry (max-age) to PostgreSQL; the caller's oldest beyond the cap go
 *  2. check (any node): well-formed → this node's entry (≤ the stamp cache time) or the row →
 *     not expired → {@link SecurityStamps#check}: the stamp it was issued under is still the
 *     account's, the account exists and is enabled → the account's groups of now
 *  3. remove: logout deletes this browser's token; a stamp change deletes every token of the account
 * </pre>
 *
 * Not transactional on purpose: each store call commits before the cache is touched.
 */
@ApplicationScoped
public class RememberMeTokens {

    /** Browsers one person may keep logged in; a new login beyond it drops the oldest. */
    static final int MAX_PER_CALLER = 50;
    static final int MAX_ENTRIES = 10_000;
    /** {@code last used} is written at most this often per token: not a write per request. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(5);
    static final int TOKEN_BYTES = 32;

    private static final Logger LOG = Logger.getLogger(RememberMeTokens.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RememberMeStore store;

    @Inject
    RememberMeConfig config;

    @Inject
    SecurityStamps stamps;

    @Inject
    Clock clock;

    private NodeCache<String, RememberMeGrant> cache;

    @PostConstruct
    void init() {
        cache = new NodeCache<>(config.cacheTime(), MAX_ENTRIES, clock);
    }

    /** Step 1: a new token continuing {@code caller}'s login made under {@code stamp} by {@code method}. */
    public String issue(String caller, String stamp, String method) {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        RememberMeGrant grant = new RememberMeGrant(SecureTokens.sha256Hex(token), caller, stamp, method, now,
                now.plus(config.maxAge()), now);
        List<String> dropped = store.add(grant, MAX_PER_CALLER, now);
        cache.evictAll(dropped);
        LOG.fine(() -> "remember-me token issued to " + caller + " until " + grant.expiresAt());
        return token;
    }

    /** Step 2. */
    public RememberMeCheck check(String token) {
        if (!config.enabled()) {
            return new RememberMeCheck.Refused(RememberMeCheck.Why.DISABLED);
        }
        if (!isWellFormed(token)) {
            return new RememberMeCheck.Refused(RememberMeCheck.Why.MALFORMED);
        }
        String hash = SecureTokens.sha256Hex(token);
        Instant now = clock.instant();
        Optional<RememberMeGrant> grant = cache.get(hash);
        if (grant.isEmpty()) {
            long generation = cache.generation();
            grant = store.find(hash);
            if (grant.isEmpty()) {
                return new RememberMeCheck.Refused(RememberMeCheck.Why.UNKNOWN);
            }
            if (grant.get().lastUsedOlderThan(TOUCH_EVERY, now)) {
                store.touch(hash, now);
            }
            cache.put(hash, grant.get(), grant.get().expiresAt(), generation);
        }
        if (grant.get().isExpiredAt(now)) {
            return new RememberMeCheck.Refused(RememberMeCheck.Why.EXPIRED);
        }
        StampCheck stamp = stamps.check(grant.get().caller(), grant.get().securityStamp());
        if (stamp instanceof StampCheck.Valid valid) {
            return new RememberMeCheck.Valid(grant.get(), valid.account());
        }
        return new RememberMeCheck.Refused(RememberMeCheck.Why.REVOKED);
    }

    /** Step 3 for one browser: the token no longer works, at once on this node. */
    public void remove(String token) {
        if (isWellFormed(token)) {
            String hash = SecureTokens.sha256Hex(token);
            store.remove(hash);
            cache.evict(hash);
        }
    }

    /** Step 3 for the account: its stamp changed, so its tokens are dead anyway; delete them (in the rotating transaction). */
    void onStampRotated(@Observes StampRotated rotated) {
        cache.evictAll(store.removeAllOf(rotated.account()));
    }

    /** Tokens we issue are 43 base64url chars; anything else is refused before a lookup. */
    static boolean isWellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(
                c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }
}
