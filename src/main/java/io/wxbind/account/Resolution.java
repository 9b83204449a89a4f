package io.wxbind.account;

/**
 * Who a WeChat identity logs in as ({@link AccountBindingService#resolve}). Sealed, so every login
 * path must decide what a unionid conflict means for it.
 */
public sealed interface Resolution {

    /** Bound by its openid, or through its unionid by another app of the open platform. */
    record Bound(String accountName) implements Resolution {
    }

    /** Neither the openid nor the unionid is bound: the first-login policy decides. */
    record Unbound() implements Resolution {
    }

    /**
     * The openid is bound to {@code accountName}, but its unionid (one person across the open
     * platform's apps) already stands for {@code unionIdOwner}: one person, two accounts. Refused
     * and audited for both accounts; nothing was changed, nobody may log in this way until one
     * binding is removed.
     */
    record UnionIdConflict(String accountName, String unionIdOwner) implements Resolution {
    }
}
