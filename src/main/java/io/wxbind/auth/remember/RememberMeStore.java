package io.wxbind.auth.remember;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Remember-me tokens shared by every node (PostgreSQL: {@link JpaRememberMeStore}). Caching is {@link RememberMeTokens}' job. */
public interface RememberMeStore {

    /** Saves a new token; drops the caller's expired ones and the oldest beyond {@code maxPerCaller}; returns the dropped hashes. */
    List<String> add(RememberMeGrant grant, int maxPerCaller, Instant now);

    Optional<RememberMeGrant> find(String tokenHash);

    /** Records that the token was used at {@code now}. */
    void touch(String tokenHash, Instant now);

    boolean remove(String tokenHash);

    /** Drops every token of the caller; returns their hashes. */
    List<String> removeAllOf(String caller);
}
