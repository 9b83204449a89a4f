/**
 * Mini-program login (protocol §3): {@code wx.login}'s code → {@code sns/jscode2session} → the
 * mini program's openid (and unionid) → an API token when the person is bound (by openid, or by
 * unionid through any app of the same open-platform account), else a bind ticket and JSON
 * endpoints to bind by password or SMS code, as on the web, or to create an account where the
 * app's first-login policy allows it ({@code register}). The {@code session_key} stays on the
 * server, encrypted at rest. Plugs into {@code auth} ({@code BindAttempts}, {@code LoginAdmission},
 * API tokens) and {@code account}; nothing below it knows it exists. After login, with the
 * token: the session check ({@code wxa/checksession}) and the phone number (button code or legacy
 * encryptedData) recorded on the caller's account, never taken from another one, and audited masked.
 */
package io.wxbind.miniprogram;
