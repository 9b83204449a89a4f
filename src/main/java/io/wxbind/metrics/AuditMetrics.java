package io.wxbind.metrics;

import io.wxbind.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Counts what the audit trail records, so no login step needs a line of its own: logins by method
 * and outcome, refusals by reason, binds, unbinds, registrations and server-token refreshes. Reads
 * only the kind, method, reason and app of an event, never its account or openid. Observes at
 * once (not after the publisher's transaction, unlike the recorder): a count costs nothing and
 * a refusal that rolls back is still a refusal.
 */
@ApplicationScoped
public class AuditMetrics {

    void onEvent(@Observes AuditEvent event) {
        count(event);
    }

    static void count(AuditEvent e) {
        WxBindMetrics.audited(e.kind().name());
        switch (e.kind()) {
            case LOGIN -> WxBindMetrics.login(e.method(), "success");
            case REFUSED -> {
                WxBindMetrics.login(e.method(), "refused");
                WxBindMetrics.refused(e.reason());
            }
            case CONFLICT -> {
                WxBindMetrics.login(e.method(), "conflict");
                WxBindMetrics.refused(e.reason());
            }
            case BOUND -> WxBindMetrics.bound();
            case UNBOUND -> WxBindMetrics.unbound();
            case FIRST_LOGIN -> WxBindMetrics.registered();
            case SERVER_TOKEN_REFRESHED -> WxBindMetrics.serverTokenRefreshed(e.appId(), e.method(), e.reason());
            default -> {
                // counted by kind only
            }
        }
    }
}
