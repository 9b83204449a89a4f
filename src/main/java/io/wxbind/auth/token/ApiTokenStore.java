package io.wxbind.auth.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Issued tokens, shared by every node, seen only by their hashes. Making tokens, hashing them
 * and caching grants is {@link ApiTokenService}'s job.
 */
public interface ApiTokenStore {

    /**
     * Stores {@code grant}. The caller then holds at most {@code maxPerCaller} live tokens: their
     * oldest beyond that are deleted, and so are their expired ones.
     *
     * @return the hashes deleted to make room, so the caller can forget them too
     */
    List<String> add(ApiTokenGrant grant, int maxPerCaller, Instant now);

    /** The grant stored under this hash, expired or not. */
    Optional<ApiTokenGrant> find(String tokenHash);

    /** Deletes the token; false when it was already gone. */
    boolean remove(String tokenHash);

    /** Deletes every token of the caller; returns their hashes. */
    List<String> removeAllOf(String caller);
}
