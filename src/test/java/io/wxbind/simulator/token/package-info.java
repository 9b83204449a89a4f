/**
 * Server (app-level) access tokens (protocol §4): {@code cgi-bin/token} with supersession and a
 * grace period, {@code cgi-bin/stable_token} with its own isolated semantics, the daily quota,
 * the IP whitelist, and validation of tokens for the token-protected endpoints.
 */
package io.wxbind.simulator.token;
