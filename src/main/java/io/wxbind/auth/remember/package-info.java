/**
 * A login survives its node: Jakarta Security's {@code @RememberMe} on the WeChat mechanism,
 * with a {@code RememberMeIdentityStore} kept in PostgreSQL ({@link io.wxbind.auth.remember.StampedRememberMeIdentityStore}).
 * Behind a balancer without sticky sessions, or after a restart, the browser's remember-me cookie
 * logs it in on any node. Only the SHA-256 of a token is stored; each token expires
 * ({@code wxbind.remember-me.max-age-seconds}) and stands only while the account's security stamp
 * is the one its login had (unbind, password change, log out everywhere, disable and delete end
 * it on every node within {@code wxbind.security-stamp.cache-seconds}). Logout deletes this
 * browser's token. Issued for a fresh login only, never for a bearer request.
 */
package io.wxbind.auth.remember;
