/**
 * Server (app-level) access tokens (protocol §4): {@code cgi-bin/token} with supersession and a
 * grace period, {@code cgi-bin/stable_token} with its own isolated semantics, the daily quota,
 * the IP whitelist, the issuance log the control API shows, and the one guard every
 * token-protected endpoint ({@code user/info}, {@code get_api_domain_ip}) checks tokens with.
 */
package io.wxbind.simulator.token;
