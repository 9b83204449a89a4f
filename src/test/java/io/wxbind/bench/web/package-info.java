/**
 * The web figures of BENCHMARKS.md (P1 WeChat calls per login, P2 login rate, P3 protected-request
 * overhead, P5 login latency) against one Payara Micro node with the app and the simulator.
 */
package io.wxbind.bench.web;
