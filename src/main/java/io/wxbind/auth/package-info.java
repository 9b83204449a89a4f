/**
 * Container glue: the Jakarta Security {@code HttpAuthenticationMechanism} that treats WeChat
 * as a login module, its credential and identity store, and what it hands to the pages; and
 * {@link io.wxbind.auth.OriginCheck}, the CSRF decision that the mechanism and the web layer's
 * filter both apply.
 *
 * <p>Features plug in here and this package knows none of them (a unit test reads the imports):
 * a way into a login is a {@link io.wxbind.auth.LoginEntry} bean, the callback's half of a login
 * a feature started is a {@link io.wxbind.auth.CallbackContinuation}, a proof of account
 * ownership on the bind form is a {@link io.wxbind.auth.BindProof}; each is found through CDI
 * and asked in {@code @Priority} order.
 *
 * <p>Plug-in mode: {@link io.wxbind.auth.WeChatExtension} turns a host's
 * {@link io.wxbind.auth.WeChatAuthenticationMechanismDefinition} into the application's mechanism
 * (routing WeChat requests to WxBind, the rest to the host's own) and
 * {@link io.wxbind.auth.WeChatActivation} tells the feature packages whether WxBind is on.
 */
package io.wxbind.auth;
