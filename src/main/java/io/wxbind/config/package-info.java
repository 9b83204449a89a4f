/**
 * Configuration: the one place that reads MicroProfile Config and validates it once.
 *
 * <p>{@link io.wxbind.config.WxBindConfigProducer} reads every setting at deployment through three
 * layers, highest first: MicroProfile Config (system properties, environment variables, the
 * server's config: Payara {@code set-config-property} and password aliases, the WildFly
 * {@code microprofile-config-smallrye} subsystem), then the values a host declared in code
 * ({@link io.wxbind.config.DeclaredSettings}, from its definition annotation), then the built-in
 * defaults, written in each record's reader next to the key and documented on the record. A
 * secret (app secret, token secrets, push tokens and keys, SMS pepper, state key) comes from
 * MicroProfile Config only. Every problem of every area goes into one deployment failure, each
 * naming its key and never a secret's value. The immutable records are the only thing the rest
 * of WxBind sees; this package depends on no other WxBind package.
 *
 * <p>{@link io.wxbind.config.WeChatApps} is the registry of WeChat apps: the official account of
 * {@code wechat.app-id} plus those of {@code wechat.apps}. A setting that names an app (server
 * tokens, push) is checked against it, and a server token uses the registry's secret.
 *
 * <p>Key prefixes: {@code wechat.*} for what concerns WeChat and the apps registered there (app
 * ids and secrets, WeChat's endpoints and timeouts, the OAuth flow with it: scope, callback path,
 * first-login policy, state and bind-ticket lifetimes, return URLs, public base URL, default
 * groups; server tokens, push, QR codes, the bind menu key and keywords). {@code wxbind.*} for
 * the module's own behaviour around any login: its pages and protected paths, bearer tokens and
 * API tokens, SMS codes, guessing limits, audit, cookies, the state key, security stamps, the
 * node and its trusted proxies, the demo.
 */
package io.wxbind.config;
