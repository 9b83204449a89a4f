package io.wxbind.admin;

import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/** Publishes the audit events of the admin API (the one recorder writes them). */
@ApplicationScoped
public class AdminAudit {

    /** The reason of a refusal for want of the role. */
    static final String NOT_ADMIN = "not_admin";

    @Inject
    Event<AuditEvent> events;

    /** Someone logged in but not an administrator tried the admin API. */
    void refused(String caller) {
        events.fire(AuditEvent.of(AuditKind.REFUSED, caller).withMethod("admin_api").withReason(NOT_ADMIN));
    }

    /** An administrator's request and its answer. */
    void done(AdminAction action) {
        events.fire(new AuditEvent(AuditKind.ADMIN, action.admin(), action.appId(), action.shortOpenId(), action.action(),
                "status_" + action.status(), action.subject()));
    }
}
