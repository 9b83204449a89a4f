package io.wxbind.link;

import io.wxbind.db.WxBindData;
import io.wxbind.util.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Link tickets: random, hashed at rest, 5 minutes, taken once. */
@ApplicationScoped
@Transactional
public class LinkTicketStore {

    static final Duration TTL = Duration.ofMinutes(5);

    @Inject
    @WxBindData
    EntityManager em;

    @Inject
    Clock clock;

    public String issue(String appId, String openId) {
        String raw = SecureTokens.alphanumeric(43);
        Instant now = clock.instant();
        em.persist(new LinkTicket(SecureTokens.sha256Hex(raw), appId, openId, now, now.plus(TTL)));
        return raw;
    }

    /** Whether a raw ticket is currently usable (does not consume it). */
    public boolean isValid(String raw) {
        return SecureTokens.looksLikeToken(raw)
                && Optional.ofNullable(em.find(LinkTicket.class, SecureTokens.sha256Hex(raw))).filter(t -> !t.isExpiredAt(clock.instant())).isPresent();
    }

    /** Removes and returns the ticket with this hash, if still unexpired. */
    public Optional<LinkTicket> takeByHash(String hash) {
        LinkTicket t = hash == null ? null : em.find(LinkTicket.class, hash, LockModeType.PESSIMISTIC_WRITE);
        if (t == null) {
            return Optional.empty();
        }
        em.remove(t);
        return t.isExpiredAt(clock.instant()) ? Optional.empty() : Optional.of(t);
    }
}
