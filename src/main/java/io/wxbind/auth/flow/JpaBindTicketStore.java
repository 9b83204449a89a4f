package io.wxbind.auth.flow;

import io.wxbind.db.WxBindData;
import io.wxbind.config.WeChatConfig;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link BindTicketStore} in PostgreSQL, shared by every node. A burnt ticket stays (until the
 * purger removes it after expiry), so every later try hears "burnt", whatever its proof.
 */
@ApplicationScoped
@Transactional
public class JpaBindTicketStore implements BindTicketStore {

    static final int TICKET_LENGTH = 43;

    @Inject
    @WxBindData
    EntityManager em;

    @Inject
    WeChatConfig config;

    @Inject
    Clock clock;

    @Override
    public String issue(WeChatIdentity identity, String browserHash, String returnTo) {
        String raw = SecureTokens.alphanumeric(TICKET_LENGTH);
        Instant now = clock.instant();
        em.persist(new BindTicket(SecureTokens.sha256Hex(raw), browserHash, identity, returnTo, now, now.plus(config.bindTicketTtl())));
        return raw;
    }

    @Override
    public Optional<BindTicket> peek(String rawTicket, String browserHash) {
        return find(rawTicket, LockModeType.NONE).filter(t -> valid(t, browserHash) && t.failedAttempts() < MAX_FAILED_ATTEMPTS);
    }

    @Override
    public Optional<BindTicket> consume(String rawTicket, String browserHash) {
        Optional<BindTicket> ticket = find(rawTicket, LockModeType.PESSIMISTIC_WRITE);
        ticket.ifPresent(em::remove);
        return ticket.filter(t -> valid(t, browserHash));
    }

    @Override
    public TicketAttempt reserveAttempt(String rawTicket, String browserHash) {
        Optional<BindTicket> ticket = find(rawTicket, LockModeType.PESSIMISTIC_WRITE).filter(t -> valid(t, browserHash));
        if (ticket.isEmpty()) {
            return new TicketAttempt.Invalid();
        }
        BindTicket t = ticket.get();
        if (t.failedAttempts() >= MAX_FAILED_ATTEMPTS) {
            return new TicketAttempt.Burnt();
        }
        t.recordFailure();
        return new TicketAttempt.Reserved(t, MAX_FAILED_ATTEMPTS - t.failedAttempts());
    }

    private Optional<BindTicket> find(String rawTicket, LockModeType lock) {
        if (!SecureTokens.looksLikeToken(rawTicket)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(BindTicket.class, SecureTokens.sha256Hex(rawTicket), lock));
    }

    private boolean valid(BindTicket t, String browserHash) {
        return !t.isExpiredAt(clock.instant()) && SecureTokens.constantTimeEquals(t.browserHash(), browserHash);
    }
}
