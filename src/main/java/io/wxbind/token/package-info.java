/**
 * Server access tokens ({@code cgi-bin/token}, {@code cgi-bin/stable_token}, protocol §4): the
 * "central control server" of WeChat's docs, spread over the cluster. One row per appid in
 * PostgreSQL holds the token and is the lock: only the node holding it refreshes, and re-checks
 * after winning it. Readers never call WeChat; a bad token is retired by compare-and-set.
 */
package io.wxbind.token;
