package io.wxbind.auth.flow;

import java.util.Optional;

/**
 * Pending authorizations. {@link #take} is the only read and removes what it returns, so each
 * request is used at most once even when two callbacks race (Spring's
 * {@code removeAuthorizationRequest}).
 */
public interface AuthorizationRequestStore {

    /** At most this many pending requests per browser; older ones are dropped. */
    int MAX_PENDING_PER_BROWSER = 10;

    void save(AuthorizationRequest request);

    Optional<AuthorizationRequest> take(String state);
}
