package io.wxbind.account;

/**
 * CDI event: the account's security stamp just changed, inside the transaction that changed it.
 * Observers drop what the account held (its bearer tokens, pending bind QR codes); the node
 * cache of {@link SecurityStamps} forgets the account again once the transaction has ended.
 */
public record StampRotated(String account, RevocationReason reason) {
}
