package io.wxbind.account;

/** An account that may log in, with the security stamp the new session or token is issued under. */
public record StampedAccount(AccountState account, String stamp) {
}
