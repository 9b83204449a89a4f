/**
 * Limits on guessing: wrong passwords and SMS codes counted per account (the name typed, or the
 * phone) and per client address in PostgreSQL, with a back-off that doubles per failure past the
 * limit. {@link io.wxbind.guard.GuessLimiter} is asked before a proof is checked, so a blocked
 * caller learns nothing about the proof. Depends only on {@code io.wxbind.config}; the bind step
 * and the SMS endpoints use it.
 */
package io.wxbind.guard;
