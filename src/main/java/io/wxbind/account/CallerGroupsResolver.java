package io.wxbind.account;

import java.util.Set;

/**
 * The groups of a caller who logged in through a WeChat binding. The default reads WxBind's
 * own accounts; a portal whose users live elsewhere provides an {@code @Alternative}.
 */
public interface CallerGroupsResolver {

    Set<String> groupsOf(String accountName);
}
