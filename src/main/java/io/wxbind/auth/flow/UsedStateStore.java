package io.wxbind.auth.flow;

import java.time.Instant;

/**
 * The states whose callback completed (flow step 2), shared by every node. Only a callback
 * that WeChat vouched for (a code exchanged) and that carried this browser's signed pending
 * login writes here, so an anonymous caller writes nothing. Keyed by the state's SHA-256.
 */
public interface UsedStateStore {

    /** Whether a callback with this state already completed. */
    boolean wasUsed(String stateHash);

    /** Records the state as used; true for exactly one caller, even when callbacks race. */
    boolean markUsed(String stateHash, Instant expiresAt);
}
