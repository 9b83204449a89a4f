package io.wxbind.account;

/** Outcome of binding a WeChat identity to a local account. Conflicts change nothing. */
public sealed interface BindingResult {

    record Bound(String accountName) implements BindingResult {
    }

    /** The openid was already bound to this same account: nothing to do. */
    record AlreadyBound(String accountName) implements BindingResult {
    }

    /** The openid or unionid belongs to another account. */
    record Conflict(String ownerAccountName) implements BindingResult {
    }
}
