/**
 * Local accounts and WeChat bindings: {@code (appId, openId)} as the primary external key,
 * {@code unionId} as the cross-app link (protocol §9). Uniqueness is enforced by PostgreSQL.
 */
package io.wxbind.account;
