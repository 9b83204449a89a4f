package io.wxbind.admin;

/**
 * One admin request as audited.
 *
 * @param admin       who asked
 * @param action      what ({@code lookup_openid}, {@code unbind}, {@code logout_everywhere}, ...)
 * @param status      the HTTP status of the answer
 * @param subject     the account concerned, or null
 * @param appId       the app concerned, or null
 * @param shortOpenId the openid searched or unbound, shortened, or null
 */
record AdminAction(String admin, String action, int status, String subject, String appId, String shortOpenId) {
}
