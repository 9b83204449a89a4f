package io.wxbind.account;

import java.util.Optional;

/**
 * How WxBind asks about an account: whether it exists, whether it is enabled, and its groups now.
 * Asked at every login (WeChat binding, bind form, SMS, QR code) and, at most every
 * {@code wxbind.security-stamp.cache-seconds} per node, for every live session and bearer token
 * ({@link SecurityStamps}), so a binding or token whose account is gone or disabled stops working.
 *
 * <p>The default, {@link JpaAccountDirectory}, reads WxBind's own accounts. A portal whose users
 * live elsewhere (its own tables, LDAP) provides its own as an {@code @Alternative @Priority(...)}
 * bean, and tells WxBind of deletions and other changes through {@link AccountLifecycle}:
 *
 * <pre>
 *  &#64;ApplicationScoped &#64;Alternative &#64;Priority(Interceptor.Priority.APPLICATION + 10)
 *  public class PortalAccounts implements AccountDirectory {
 *      public Optional&lt;AccountState&gt; find(String name) {
 *          return users.byLogin(name).map(u -&gt; new AccountState(name, u.active(), u.roleNames()));
 *      }
 *  }
 * </pre>
 *
 * With {@code wechat.first-login=register}, WxBind creates {@code wx_…} accounts in its own table:
 * such a portal's directory must know them too (or ask {@link JpaAccountDirectory} for them).
 */
public interface AccountDirectory {

    /**
     * @param name a caller name, as bound or logged in
     * @return the account, or empty when there is no such account (a binding to it no longer logs
     *         in). Throw when the answer is unknown (directory down): empty means "gone".
     */
    Optional<AccountState> find(String name);
}
