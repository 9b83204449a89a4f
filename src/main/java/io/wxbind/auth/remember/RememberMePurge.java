package io.wxbind.auth.remember;

import io.wxbind.db.NamedDelete;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Expired remember-me tokens, for {@code io.wxbind.db.FlowStatePurger}'s minute purge. Expiry is
 * checked on every read, so this only keeps the table small.
 */
@ApplicationScoped
public class RememberMePurge extends NamedDelete {

    public RememberMePurge() {
        super("remember-me tokens", RememberMeToken.DELETE_EXPIRED, "now", Duration.ZERO);
    }
}
