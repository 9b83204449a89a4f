/**
 * Container glue: the Jakarta Security {@code HttpAuthenticationMechanism} that treats WeChat
 * as a login module, its credential and identity store, and what it hands to the pages.
 */
package io.wxbind.auth;
