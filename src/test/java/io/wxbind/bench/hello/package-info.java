/**
 * The smallest JAX-RS WAR: the baseline of the startup benchmark (P7), so that the figure shows
 * what WxBind adds to a Payara Micro start and not what Payara itself costs. Zipped into
 * {@code target/bench/hello.war} at run time by {@code io.wxbind.bench.startup.HelloWar}; it is
 * never part of the production WAR, the simulator WAR or the classes jar.
 */
package io.wxbind.bench.hello;
