package io.wxbind.auth;

import static io.wxbind.auth.ContainerLogin.isBlankOrLong;

import io.wxbind.guard.GuessSubject;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Username and password through the container's identity stores, so a portal's own store
 * works. Asked last ({@code @Priority}): a form that chose no other proof is a password form.
 */
@ApplicationScoped
@Priority(PasswordBindProof.PRIORITY)
public class PasswordBindProof implements BindProof {

    /** After every other proof: it is chosen by any form. */
    static final int PRIORITY = 10_000;
    static final String WRONG_PASSWORD = "wrong_password";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public boolean chosen(HttpServletRequest request) {
        return true;
    }

    @Override
    public Optional<Claim> claim(HttpServletRequest request) {
        String username = request.getParameter("username");
        if (isBlankOrLong(username, 64) || isBlankOrLong(request.getParameter("password"), 256)) {
            return Optional.empty();
        }
        return Optional.of(new Claim(GuessSubject.account(username), username.trim(), "password"));
    }

    @Override
    public Verdict prove(HttpServletRequest request, String rawTicket, int triesLeft) {
        UsernamePasswordCredential credential = new UsernamePasswordCredential(request.getParameter("username").trim(),
                new Password(request.getParameter("password")));
        CredentialValidationResult caller = identityStores.validate(credential);
        if (caller.getStatus() == CredentialValidationResult.Status.VALID) {
            return new Verdict.Proven(caller, LoginMethod.WECHAT_BIND_PASSWORD);
        }
        return new Verdict.Wrong("Wrong username or password. " + triesLeft + (triesLeft == 1 ? " attempt" : " attempts") + " left.",
                WRONG_PASSWORD);
    }
}
