package io.wxbind.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * What a portal with its own accounts tells WxBind, so that WeChat bindings, sessions and bearer
 * tokens follow its accounts on every node ({@link AccountAdministration} does the same for
 * WxBind's own accounts). Call it in the transaction that makes the change, or right after it.
 *
 * <pre>
 *  &#64;Inject AccountLifecycle wxbind;
 *  wxbind.deleted("alice");                                    // bindings removed, sessions and tokens end
 *  wxbind.revoke("bob", RevocationReason.PASSWORD_CHANGED);    // sessions and tokens end
 * </pre>
 */
@ApplicationScoped
public class AccountLifecycle {

    @Inject
    AccountBindingService bindings;

    @Inject
    SecurityStamps stamps;

    /** The account is gone: its WeChat bindings (openids and unionids) go too, and its sessions and tokens end. */
    @Transactional
    public void deleted(String account) {
        bindings.removeAllOf(account);
        stamps.rotate(account, RevocationReason.DELETED);
    }

    /** Something changed who may act as the account: every session and token of it ends; returns the new stamp. */
    @Transactional
    public String revoke(String account, RevocationReason reason) {
        return stamps.rotate(account, reason);
    }
}
