package io.wxbind.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/** Mirrors audit events into the server log at FINE (the audit table is the record; this helps debugging). */
@ApplicationScoped
public class AuditServerLog {

    private static final Logger LOG = Logger.getLogger(AuditServerLog.class.getName());

    void record(@Observes AuditEvent event) {
        LOG.fine(() -> "audit " + event.kind() + ": account=" + event.account() + " app=" + event.appId()
                + " openid=" + event.shortOpenId() + " method=" + event.method() + " reason=" + event.reason());
    }
}
