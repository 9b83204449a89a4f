package io.wxbind.auth;

import io.wxbind.account.AccountBindingService;
import io.wxbind.account.CallerGroupsResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Set;

/**
 * Maps a {@link WeChatCredential} to the bound local caller and its groups (flow step 3).
 * An unbound identity is NOT_VALIDATED, leaving the first-login policy to the mechanism.
 * Ignores every other credential type, so a portal's password store works beside it.
 */
@ApplicationScoped
public class WeChatIdentityStore implements IdentityStore {

    @Inject
    AccountBindingService bindings;

    @Inject
    CallerGroupsResolver groups;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof WeChatCredential wc)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return bindings.resolve(wc.identity())
                .map(account -> new CredentialValidationResult(account, groups.groupsOf(account)))
                .orElse(CredentialValidationResult.NOT_VALIDATED_RESULT);
    }

    /** PROVIDE_GROUPS too: the container ignores the groups of a store that only validates. */
    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return groups.groupsOf(validationResult.getCallerPrincipal().getName());
    }
}
