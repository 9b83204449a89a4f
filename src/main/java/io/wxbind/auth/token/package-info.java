/**
 * Bearer API tokens: a logged-in caller (session or token) gets a random token for API clients
 * and for nodes behind a balancer without sticky sessions; any node validates it.
 *
 * <pre>
 *  API client                         WxBind node                                PostgreSQL
 *  1. POST /api/wechat/tokens ------> caller + security stamp of this login (session or bearer)
 *     (session cookie or bearer)      32 random bytes, base64url → token; SHA-256 → hash
 *                                     lock caller, drop their oldest beyond the cap ----> insert hash,
 *     <------------------------------ 201 {"access_token","token_type","expires_in"}     caller, stamp,
 *                                     (no-store; the only time the token is seen)        issued, expires
 *  2. GET /api/... Authorization: Bearer T
 *                                     malformed → 401 invalid_token (no lookup)
 *                                     hash(T) in the node cache (≤ 10 000, a few s, never
 *                                     past expiry)? else primary-key read -------------> select by hash
 *                                     unknown / expired → 401 invalid_token
 *                                     account's stamp changed, account gone or disabled (SecurityStamps,
 *                                     cached per node) → 401 invalid_token
 *                                     valid → container login with caller + the account's groups now (no session)
 *  3. DELETE /api/wechat/tokens/current → delete row --------------------------------> delete by hash
 *                                     evict from this node's cache; other nodes may accept the
 *                                     token until their cached entry ends (≤ cache-seconds)
 *  4. every minute (FlowStatePurger): expired rows deleted --------------------------> delete expired
 *  5. the account's stamp changes (password, log out everywhere, ...): its rows deleted -> delete by caller
 * </pre>
 *
 * {@link io.wxbind.auth.token.ApiTokenService} is the one entry point; the mechanism reaches it
 * through {@code io.wxbind.auth.BearerEntry}, clients through {@code io.wxbind.rest.ApiTokenResource}.
 * Tokens are never logged and never stored; query-string tokens are not accepted.
 */
package io.wxbind.auth.token;
