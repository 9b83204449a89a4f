package io.wxbind.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/** The one observer that records binding events in the server log. */
@ApplicationScoped
public class BindingAuditLog {

    private static final Logger LOG = Logger.getLogger(BindingAuditLog.class.getName());

    void record(@Observes BindingEvent event) {
        LOG.info(() -> "wechat " + event.kind() + ": account=" + event.accountName() + " app=" + event.appId()
                + " openid=" + event.shortOpenId());
    }
}
