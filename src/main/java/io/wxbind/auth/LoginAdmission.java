package io.wxbind.auth;

import io.wxbind.account.SecurityStamps;
import io.wxbind.account.StampedAccount;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The last check of every login ({@link ContainerLogin#login}): whatever proved who the person
 * is (a WeChat binding, a password, an SMS code, a QR scan), the account must exist and be
 * enabled now. A refusal is audited ({@code REFUSED}, reason {@code account_unavailable}).
 */
@ApplicationScoped
public class LoginAdmission {

    private static final Logger LOG = Logger.getLogger(LoginAdmission.class.getName());

    @Inject
    SecurityStamps stamps;

    @Inject
    Event<AuditEvent> audit;

    /** The account with its groups and the stamp the new session is issued under, or empty: no login. */
    public Optional<StampedAccount> admit(String caller, LoginMethod method) {
        Optional<StampedAccount> account = stamps.admit(caller);
        if (account.isEmpty()) {
            LOG.fine(() -> "login via " + method + " refused: the account is gone or disabled");
            audit.fire(AuditEvent.of(AuditKind.REFUSED, caller).withMethod(method.name()).withReason("account_unavailable"));
        }
        return account;
    }
}
