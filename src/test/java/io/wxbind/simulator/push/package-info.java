/**
 * WeChat's message and event push to the developer server (protocol §6–§7): what people do to
 * an official account ({@link io.wxbind.simulator.push.Interactions}: scan, follow, unfollow, menu
 * click, text), the push XML, signatures and safe-mode encryption (the simulator's own
 * implementation, checked against the protocol's vectors), delivery with WeChat's 5 s timeout and
 * retries, judging passive replies, the per-app push targets and the push log.
 */
package io.wxbind.simulator.push;
