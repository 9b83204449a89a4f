/**
 * Small helpers every package may use, with no WxBind dependency of their own: random tokens and
 * their hashes ({@link io.wxbind.util.SecureTokens}), the order of contributed beans
 * ({@link io.wxbind.util.ByPriority}).
 */
package io.wxbind.util;
