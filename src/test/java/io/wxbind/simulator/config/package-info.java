/**
 * Simulator configuration: the apps (appid, secret, type, open-platform account, token settings)
 * and people, read once at deployment from the properties file named by the system property
 * {@code wechat.sim.config} or env {@code WECHAT_SIM_CONFIG}, else the built-in demo defaults;
 * plus {@link io.wxbind.simulator.config.SimApps}, the apps with token settings changed at run time.
 */
package io.wxbind.simulator.config;
