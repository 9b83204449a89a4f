/**
 * Web authorization as WeChat does it (protocol §1, §2): the open.weixin.qq.com authorize and
 * qrconnect pages, single-use 5-minute codes, and the api.weixin.qq.com {@code sns/*} endpoints
 * (code exchange, refresh, userinfo, auth) with user-level web access tokens.
 *
 * <pre>
 * browser            /open (authorize)          app server            /api/sns
 *  1 GET authorize ──▶ validate, who? consent
 *  2 ◀── 302 redirect_uri?code&amp;state
 *  3 ─────────────── callback ───────────────▶
 *                                           4 GET oauth2/access_token ──▶ redeem code once
 *                                           5 GET userinfo ──────────────▶ profile (userinfo scope)
 * </pre>
 * Website QR login (§2) replaces steps 1-2 with a QR code on the desktop, scanned and confirmed on
 * the phone ({@link io.wxbind.simulator.oauth.QrConnectResource}, {@link io.wxbind.simulator.oauth.QrConnectSessions}).
 */
package io.wxbind.simulator.oauth;
