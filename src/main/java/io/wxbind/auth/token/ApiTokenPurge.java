package io.wxbind.auth.token;

import io.wxbind.db.NamedDelete;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Expired API tokens, for {@code io.wxbind.db.FlowStatePurger}. */
@ApplicationScoped
public class ApiTokenPurge extends NamedDelete {

    public ApiTokenPurge() {
        super("API tokens", ApiToken.DELETE_EXPIRED, "now", Duration.ZERO);
    }
}
