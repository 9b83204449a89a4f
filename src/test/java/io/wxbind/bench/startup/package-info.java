/**
 * P7: how much longer Payara Micro takes to serve its first 200 with the WxBind WAR than with a
 * one-endpoint WAR ({@code io.wxbind.bench.hello}), both started the same way on the same database.
 */
package io.wxbind.bench.startup;
