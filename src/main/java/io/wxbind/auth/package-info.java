/**
 * Container glue: the Jakarta Security {@code HttpAuthenticationMechanism} that treats WeChat
 * as a login module, its credential and identity store, and what it hands to the pages; and
 * {@link io.wxbind.auth.OriginCheck}, the CSRF decision that the mechanism and the web layer's
 * filter both apply. Plug-in mode: {@link io.wxbind.auth.WeChatExtension} turns a host's
 * {@link io.wxbind.auth.WeChatAuthenticationMechanismDefinition} into the application's mechanism
 * (routing WeChat requests to WxBind, the rest to the host's own) and
 * {@link io.wxbind.auth.WeChatActivation} tells the feature packages whether WxBind is on.
 */
package io.wxbind.auth;
