/**
 * The admin API ({@code /api/admin/*}, role {@code admin}) and the admin page
 * ({@code /wechat/admin}): find an account's bindings or the account behind an openid or unionid,
 * unbind, the audit log with filters, and per app the server-token state, push settings and the
 * QR codes created today. Logging an account out everywhere and changing it stay in
 * {@code io.wxbind.rest.AdminAccountsResource}; the WeChat network check in
 * {@code io.wxbind.rest.WeChatAppCheckResource}.
 *
 * <p>{@link io.wxbind.admin.AdminGate} guards every own resource whose path starts with
 * {@code admin/}, those two included: the role is checked in code (a host portal's
 * {@code web.xml} does not know WxBind's paths), and every request that passed is audited
 * ({@code AuditKind.ADMIN}: the administrator, the action, the answer, the account concerned);
 * one refused for want of the role is audited as {@code REFUSED not_admin}. Cookie-authenticated
 * writes are checked for their origin by the CSRF filter or, in a host, by
 * {@code io.wxbind.rest.WxBindResourceGate}. Nothing here is on until the application declares
 * {@code @WeChatAuthenticationMechanismDefinition}; {@code auth}, {@code account} and {@code db}
 * know nothing of this package.
 *
 * <pre>
 *  1. request /api/admin/...        CSRF filter / SameOrigin (cookie writes)
 *  2. AdminRoleCheck                 no caller → 401; not admin → 403 + audit REFUSED not_admin
 *  3. resource method                validates input (400), reads or changes, notes the account concerned
 *  4. AdminAuditTrail                audit ADMIN (admin, action, status_NNN, subject, app, short openid)
 * </pre>
 */
package io.wxbind.admin;
