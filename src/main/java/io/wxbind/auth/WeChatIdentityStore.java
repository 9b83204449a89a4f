package io.wxbind.auth;

import io.wxbind.account.AccountBindingService;
import io.wxbind.account.AccountDirectory;
import io.wxbind.account.AccountState;
import io.wxbind.account.Resolution;
import io.wxbind.audit.AuditEvent;
import io.wxbind.audit.AuditKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a {@link WeChatCredential} to the bound local caller and its groups (flow step 3).
 * An unbound identity is NOT_VALIDATED, leaving the first-login policy to the mechanism; one
 * bound to an account that the {@link AccountDirectory} no longer knows, or knows as disabled, is
 * INVALID: bindings follow accounts, and such a binding logs nobody in. So is one whose unionid
 * stands for another account ({@link Resolution.UnionIdConflict}): the caller asks
 * {@link AccountBindingService#unionIdConflictOf} to tell the person why.
 * Ignores every other credential type, so a portal's password store works beside it.
 */
@ApplicationScoped
public class WeChatIdentityStore implements IdentityStore {

    @Inject
    AccountBindingService bindings;

    @Inject
    AccountDirectory accounts;

    @Inject
    Event<AuditEvent> audit;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof WeChatCredential wc)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Resolution resolved = bindings.resolve(wc.identity());
        if (resolved instanceof Resolution.UnionIdConflict) { // audited by the binding service, for both accounts
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!(resolved instanceof Resolution.Bound b)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String bound = b.accountName();
        Optional<AccountState> account = accounts.find(bound);
        if (account.isEmpty() || !account.get().enabled()) {
            audit.fire(AuditEvent.of(AuditKind.REFUSED, bound).withMethod(LoginMethod.WECHAT.name())
                    .withReason(account.isEmpty() ? "account_gone" : "account_disabled"));
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(bound, account.get().groups());
    }

    /** PROVIDE_GROUPS too: the container ignores the groups of a store that only validates. */
    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return accounts.find(validationResult.getCallerPrincipal().getName()).filter(AccountState::enabled)
                .map(AccountState::groups).orElse(Set.of());
    }
}
