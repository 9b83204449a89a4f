package io.wxbind.account;

import java.time.Instant;

/** Each account's current security stamp, shared by every node. Caching is {@link SecurityStamps}' job. */
public interface SecurityStampStore {

    /** The stamp of an account whose stamp never changed (it has no row). */
    String INITIAL = "";

    /** The account's stamp now, {@link #INITIAL} if it never changed; read without a transaction of its own. */
    String current(String account);

    /** Gives the account a new random stamp, within the caller's transaction; returns it. */
    String rotate(String account, RevocationReason reason, Instant now);
}
