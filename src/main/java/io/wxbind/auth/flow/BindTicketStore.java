package io.wxbind.auth.flow;

import io.wxbind.wechat.WeChatIdentity;
import java.util.Optional;

/** Bind tickets: random, server-side, expiring, bound to one browser, used once. */
public interface BindTicketStore {

    /** Proofs (passwords or SMS codes) checked on one ticket at most; then it is burnt. */
    int MAX_FAILED_ATTEMPTS = 5;

    /** @return the raw ticket for the browser; only its hash is kept */
    String issue(WeChatIdentity identity, String browserHash, String returnTo);

    /** The ticket if it exists, is unexpired, not burnt and belongs to this browser; does not consume it. */
    Optional<BindTicket> peek(String rawTicket, String browserHash);

    /**
     * Takes one try on the ticket under its row lock, before the proof is checked: parallel
     * posts are each counted, and at most {@link #MAX_FAILED_ATTEMPTS} proofs are ever checked.
     * A try that succeeds then {@link #consume}s the ticket; a wrong one needs nothing more.
     */
    TicketAttempt reserveAttempt(String rawTicket, String browserHash);

    /** Consumes the ticket: returns it only to the one caller that removed it. */
    Optional<BindTicket> consume(String rawTicket, String browserHash);
}
