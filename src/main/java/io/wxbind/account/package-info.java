/**
 * Local accounts and WeChat bindings: {@code (appId, openId)} as the primary external key,
 * {@code unionId} as the cross-app link (protocol §9). Uniqueness is enforced by PostgreSQL.
 *
 * <p>Bindings follow accounts: WxBind asks the {@link io.wxbind.account.AccountDirectory} (the
 * built-in {@link io.wxbind.account.JpaAccountDirectory}, or a portal's own) whether an account
 * exists, is enabled and which groups it has; every session and bearer token carries the
 * account's security stamp ({@link io.wxbind.account.SecurityStamps}), which
 * {@link io.wxbind.account.AccountAdministration} (built-in accounts) and
 * {@link io.wxbind.account.AccountLifecycle} (a portal's own) change to end them all.
 */
package io.wxbind.account;
