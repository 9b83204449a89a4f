package io.wxbind.auth;

import io.wxbind.auth.flow.LoginProblem;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.config.WeChatConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Publishes how each login step ended: {@code LOGIN} with its {@link LoginMethod} once per
 * completed login (web, bind form, link, QR), {@code REFUSED} with the {@link FlowProblem} code.
 * Every step logs in through the WeChat app of the web flow, so that is the app. The bearer
 * path publishes nothing here: a token is audited when issued and revoked, not per request.
 */
@ApplicationScoped
public class LoginAudit {

    @Inject
    Event<AuditEvent> events;

    @Inject
    WeChatConfig config;

    void loggedIn(String caller, LoginMethod method) {
        events.fire(AuditEvent.of(AuditKind.LOGIN, caller).withWeChat(config.appId(), null).withMethod(method.name()));
    }

    void refused(LoginProblem problem) {
        events.fire(AuditEvent.of(AuditKind.REFUSED, null).withWeChat(config.appId(), null).withReason(problem.code()));
    }
}
