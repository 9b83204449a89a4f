/**
 * The load driver of the benchmarks: a fixed pool of simulated users on the JDK HttpClient, each
 * with its own cookies, every response checked (a failed check is an error, counted and printed).
 */
package io.wxbind.bench.load;
