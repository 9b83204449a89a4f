/**
 * Container glue: the Jakarta Security {@code HttpAuthenticationMechanism} that treats WeChat
 * as a login module, its credential and identity store, and what it hands to the pages; and
 * {@link io.wxbind.auth.OriginCheck}, the CSRF decision that the mechanism and the web layer's
 * filter both apply.
 */
package io.wxbind.auth;
