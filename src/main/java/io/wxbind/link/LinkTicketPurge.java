package io.wxbind.link;

import io.wxbind.db.NamedDelete;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Expired bind-link tickets, for {@code io.wxbind.db.FlowStatePurger}. */
@ApplicationScoped
public class LinkTicketPurge extends NamedDelete {

    public LinkTicketPurge() {
        super("link tickets", LinkTicket.DELETE_EXPIRED, "now", Duration.ZERO);
    }
}
