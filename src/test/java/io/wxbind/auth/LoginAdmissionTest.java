package io.wxbind.auth;

import io.wxbind.qr.QrLoginCompleteEntry;
import io.wxbind.sms.SmsBindProof;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.account.AccountState;
import io.wxbind.account.SecurityStamps;
import io.wxbind.account.StampedAccount;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import jakarta.enterprise.event.Event;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The last check of every login: whatever the proof, a gone or disabled account is refused, and the refusal audited. */
class LoginAdmissionTest {

    private final List<AuditEvent> audited = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private LoginAdmission admission() {
        LoginAdmission a = new LoginAdmission();
        a.stamps = new SecurityStamps() {
            @Override
            public Optional<StampedAccount> admit(String account) {
                return "alice".equals(account) ? Optional.of(new StampedAccount(new AccountState("alice", true, Set.of("user")), "s1"))
                        : Optional.empty();
            }
        };
        a.audit = (Event<AuditEvent>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Event.class}, (p, m, args) -> {
            if (m.getName().equals("fire")) {
                audited.add((AuditEvent) args[0]);
            }
            return null;
        });
        return a;
    }

    @Test
    void admitWhenAccountMayLogInThenStampAndGroupsAndNothingAudited() {
        StampedAccount admitted = admission().admit("alice", QrLoginCompleteEntry.METHOD).orElseThrow();
        assertEquals("s1", admitted.stamp());
        assertEquals(Set.of("user"), admitted.account().groups());
        assertTrue(audited.isEmpty());
    }

    @Test
    void admitWhenAccountGoneOrDisabledThenNoLoginAndRefusalAudited() {
        assertTrue(admission().admit("mallory", SmsBindProof.METHOD).isEmpty());
        assertEquals(List.of(AuditEvent.of(AuditKind.REFUSED, "mallory").withMethod("WECHAT_BIND_SMS").withReason("account_unavailable")),
                audited);
    }
}
