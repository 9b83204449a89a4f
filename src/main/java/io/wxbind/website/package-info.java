/**
 * Website QR login (protocol §2): a desktop browser logs in with the deployment's website app
 * ({@code io.wxbind.config.WebsiteConfig}). {@link io.wxbind.website.WebsiteLoginEntry} starts the
 * web flow through {@code connect/qrconnect} (scope {@code snsapi_login}, the flow's signed
 * single-use state and browser-bound pending login); WeChat shows a QR code, the person scans it
 * with phone WeChat and confirms; the callback exchanges the code with the website app's own
 * credentials, and {@link io.wxbind.website.WebsiteCallbackContinuation} logs a person in whose
 * website openid, or whose unionid through any app of the same open-platform account, is bound.
 * Anyone else gets the flow's usual next step (the bind form), a unionid conflict its usual refusal.
 * Plugs into {@code io.wxbind.auth}; nothing there knows this package.
 */
package io.wxbind.website;
