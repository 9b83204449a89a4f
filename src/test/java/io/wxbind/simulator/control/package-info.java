/**
 * The test control API under {@code /wechat-sim/control} (JSON): people, call counters, fault
 * injection, the simulator clock, run-time token settings per app, the token issuance log, reset;
 * people acting on official accounts (scan, push, unfollow), push settings and the push log, each
 * person's received messages, the demo's SMS outbox, and a phone's answer to a website QR login
 * ({@code /control/qrconnect}).
 * Also the two pre-matching filters that count every call to the three WeChat hosts and apply
 * faults (latency, errcode, HTTP status, hang) to them.
 */
package io.wxbind.simulator.control;
