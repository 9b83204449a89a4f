package io.wxbind.auth;

import io.wxbind.account.SecurityStamps;
import io.wxbind.account.StampCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The mechanism's first branch for a request with a session: the login stored there stands only
 * while the account's security stamp is the one it was issued under and the account exists and
 * is enabled ({@link SecurityStamps#check}, cached per node for a few seconds). Then this request
 * gets the account's groups of now. Otherwise the session is ended here, and the request goes on
 * as an anonymous one (a page starts a new login, an API call gets a 401).
 */
@ApplicationScoped
public class SessionRestore {

    private static final Logger LOG = Logger.getLogger(SessionRestore.class.getName());

    @Inject
    SecurityStamps stamps;

    /** The session's login with the account's current groups (also attached to the request), or empty. */
    Optional<SessionLogin> current(HttpServletRequest request) {
        Optional<SessionLogin> stored = SessionLogin.stored(request);
        if (stored.isEmpty()) {
            return stored;
        }
        StampCheck check = stamps.check(stored.get().caller(), stored.get().stamp());
        if (check instanceof StampCheck.Valid valid) {
            SessionLogin now = stored.get().withGroups(valid.account().groups());
            now.attachTo(request);
            return Optional.of(now);
        }
        end(request.getSession(false));
        LOG.fine(() -> "session ended: " + ((StampCheck.Refused) check).why());
        return Optional.empty();
    }

    private static void end(HttpSession session) {
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // a parallel request of the same session ended it first
            }
        }
    }
}
