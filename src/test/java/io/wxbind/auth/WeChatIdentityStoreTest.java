package io.wxbind.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.account.AccountBindingService;
import io.wxbind.account.AccountState;
import io.wxbind.account.Resolution;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import io.wxbind.testsupport.FiredEvents;
import io.wxbind.wechat.WeChatIdentity;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each {@link Resolution} of the binding service to the container's answer, against doubles. */
class WeChatIdentityStoreTest {

    private static final WeChatIdentity PERSON = new WeChatIdentity("wxA", "o-person", "u-person", null, null);

    private final FiredEvents<AuditEvent> audit = new FiredEvents<>();
    private final WeChatIdentityStore store = new WeChatIdentityStore();
    private Resolution resolution = new Resolution.Unbound();

    WeChatIdentityStoreTest() {
        store.bindings = new AccountBindingService() {
            @Override
            public Resolution resolve(WeChatIdentity id) {
                if (resolution == null) {
                    throw new AssertionError("resolve called");
                }
                return resolution;
            }
        };
        Map<String, AccountState> known = Map.of("alice", new AccountState("alice", true, Set.of("user")),
                "carl", new AccountState("carl", false, Set.of("user")));
        store.accounts = name -> Optional.ofNullable(known.get(name));
        store.audit = audit.event();
    }

    private CredentialValidationResult validate() {
        return store.validate(new WeChatCredential(PERSON));
    }

    @Test
    void validateWhenBoundToEnabledAccountThenValidWithItsGroups() {
        resolution = new Resolution.Bound("alice");
        CredentialValidationResult result = validate();
        assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
        assertEquals("alice", result.getCallerPrincipal().getName());
        assertEquals(Set.of("user"), result.getCallerGroups());
    }

    @Test
    void validateWhenUnboundThenNotValidatedForTheFirstLoginPolicy() {
        assertEquals(CredentialValidationResult.Status.NOT_VALIDATED, validate().getStatus());
        assertTrue(audit.fired.isEmpty());
    }

    @Test
    void validateWhenUnionIdOnAnotherAccountThenInvalidAndNeitherAccountLoggedIn() {
        resolution = new Resolution.UnionIdConflict("alice", "bob");
        assertEquals(CredentialValidationResult.Status.INVALID, validate().getStatus(), "alice is enabled, yet refused");
        assertTrue(audit.fired.isEmpty(), "the binding service audits the conflict, not a second time here: " + audit.fired);
    }

    @Test
    void validateWhenBoundToDisabledOrMissingAccountThenInvalidAndAudited() {
        resolution = new Resolution.Bound("carl");
        assertEquals(CredentialValidationResult.Status.INVALID, validate().getStatus());
        resolution = new Resolution.Bound("gone");
        assertEquals(CredentialValidationResult.Status.INVALID, validate().getStatus());
        assertEquals(java.util.List.of("account_disabled", "account_gone"), audit.fired.stream().map(AuditEvent::reason).toList());
        assertTrue(audit.fired.stream().allMatch(e -> e.kind() == AuditKind.REFUSED));
    }

    @Test
    void validateWhenOtherCredentialThenNotValidatedAndNothingResolved() {
        resolution = null;
        assertEquals(CredentialValidationResult.Status.NOT_VALIDATED,
                store.validate(new UsernamePasswordCredential("alice", "secret")).getStatus());
    }
}
