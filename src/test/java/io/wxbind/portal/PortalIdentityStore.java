package io.wxbind.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * The portal's password store, untouched by WxBind: its form login uses it, and so does WxBind's
 * bind form (through {@code IdentityStoreHandler}, which asks every store).
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

    @Inject
    PortalUserStore users;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return users.check(up.getCaller(), up.getPasswordAsString())
                .map(u -> new CredentialValidationResult(u.name(), u.groups())).orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
