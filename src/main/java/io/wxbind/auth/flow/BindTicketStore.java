package io.wxbind.auth.flow;

import java.util.Optional;

/** Bind tickets: random, server-side, expiring, bound to one browser, used once. */
public interface BindTicketStore {

    /** Wrong passwords allowed on one ticket before it is burnt. */
    int MAX_FAILED_ATTEMPTS = 5;

    /** @return the raw ticket for the browser; only its hash is kept */
    String issue(WeChatIdentity identity, String browserHash, String returnTo);

    /** The ticket if it exists, is unexpired and belongs to this browser; does not consume it. */
    Optional<BindTicket> peek(String rawTicket, String browserHash);

    /** Consumes the ticket: returns it only to the one caller that removed it. */
    Optional<BindTicket> consume(String rawTicket, String browserHash);

    /** Counts a failed login on the ticket; burns it at {@link #MAX_FAILED_ATTEMPTS}. @return attempts left */
    int recordFailure(String rawTicket);
}
