package io.wxbind.auth.flow;

/** What {@link BindTicketStore#reserveAttempt} found: a try taken on the ticket, or why not. */
public sealed interface TicketAttempt {

    /** The try is counted; {@code left} more may follow. Check the proof, then consume on success. */
    record Reserved(BindTicket ticket, int left) implements TicketAttempt {
    }

    /** All tries are used up: refuse without checking the proof (the same answer whatever it is). */
    record Burnt() implements TicketAttempt {
    }

    /** No such ticket for this browser (unknown, expired, used, or another browser's). */
    record Invalid() implements TicketAttempt {
    }
}
