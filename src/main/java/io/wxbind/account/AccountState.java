package io.wxbind.account;

import java.util.Set;

/**
 * An account as its {@link AccountDirectory} knows it now: WxBind never keeps a copy of this
 * longer than {@code wxbind.security-stamp.cache-seconds}.
 *
 * @param name    the caller name (what bindings, sessions and tokens name)
 * @param enabled false: no login of any kind, and its sessions and tokens are refused
 * @param groups  its groups (the container maps them to roles), read again on every stamp check
 */
public record AccountState(String name, boolean enabled, Set<String> groups) {

    public AccountState {
        groups = Set.copyOf(groups);
    }
}
