package io.wxbind.auth.remember;

import io.wxbind.account.SecurityStamps;
import io.wxbind.account.StampedAccount;
import io.wxbind.auth.LoginMethod;
import io.wxbind.auth.SessionLogin;
import io.wxbind.db.DatabaseOutage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.RememberMeCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.RememberMeIdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The {@link RememberMeIdentityStore} that Jakarta Security's {@code @RememberMe} interceptor on
 * the WeChat mechanism calls (Soteria's, on Payara and WildFly alike): tokens in PostgreSQL
 * ({@link RememberMeTokens}), each bound to the security stamp of the login it continues.
 *
 * <p>The interceptor checks the cookie <em>before</em> the mechanism runs: a valid token logs the
 * request in and the mechanism is not called at all. So a valid token also leaves on the request
 * what a session would ({@link SessionLogin}: the original login's method, time and stamp, with
 * the groups of now), for the pages and APIs that read it. A refused token makes the interceptor
 * clear the cookie and call the mechanism as for an anonymous request. A token is issued only
 * when the mechanism reports a fresh login ({@link RememberMeCookie#issuesToken}), under the stamp
 * that login was admitted with.
 */
@ApplicationScoped
public class StampedRememberMeIdentityStore implements RememberMeIdentityStore {

    private static final Logger LOG = Logger.getLogger(StampedRememberMeIdentityStore.class.getName());

    @Inject
    RememberMeTokens tokens;

    @Inject
    SecurityStamps stamps;

    /** The current request (CDI's built-in bean): where the fresh login was recorded, where a remembered one is left. */
    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(RememberMeCredential credential) {
        RememberMeCheck check;
        try {
            check = tokens.check(credential.getToken());
        } catch (RuntimeException e) {
            // This runs before the mechanism, outside its 503 handling: an exception here would be the
            // container's 500. Refused instead (the interceptor clears the cookie); the mechanism then
            // answers as for any request during the outage (a session still restores, or a clear 503).
            Optional<String> outage = DatabaseOutage.in(e);
            if (outage.isEmpty()) {
                throw e;
            }
            LOG.warning(() -> "database unavailable, remember-me cookie not checked: " + outage.get());
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (!(check instanceof RememberMeCheck.Valid valid)) {
            LOG.fine(() -> "remember-me cookie refused: " + ((RememberMeCheck.Refused) check).why());
            return CredentialValidationResult.INVALID_RESULT;
        }
        RememberMeGrant grant = valid.grant();
        Set<String> groups = valid.account().groups();
        attach(new SessionLogin(grant.caller(), groups, method(grant.loginMethod()), grant.createdAt(), grant.securityStamp()));
        return new CredentialValidationResult(grant.caller(), groups);
    }

    @Override
    public String generateLoginToken(CallerPrincipal caller, Set<String> groups) {
        String name = caller.getName();
        Optional<SessionLogin> login = freshLogin().filter(l -> l.caller().equals(name));
        if (login.isPresent()) {
            return tokens.issue(name, login.get().stamp(), login.get().method().name());
        }
        // Not reached by our own logins (each records one); a token still never outlives the stamp of now.
        StampedAccount account = stamps.admit(name)
                .orElseThrow(() -> new IllegalStateException("remember-me: " + name + " may not log in"));
        return tokens.issue(name, account.stamp(), LoginMethod.WECHAT.name());
    }

    @Override
    public void removeLoginToken(String token) {
        tokens.remove(token);
    }

    private Optional<SessionLogin> freshLogin() {
        try {
            return SessionLogin.stored(request);
        } catch (ContextNotActiveException e) {
            return Optional.empty();
        }
    }

    private void attach(SessionLogin login) {
        try {
            login.attachTo(request);
        } catch (ContextNotActiveException e) {
            LOG.fine("remember-me: no request context, login details not attached");
        }
    }

    private static LoginMethod method(String name) {
        return LoginMethod.restored(name); // a renamed or unknown method still logs in, as plain WeChat
    }
}
