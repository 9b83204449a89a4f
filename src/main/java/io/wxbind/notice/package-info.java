/**
 * Notices to account holders over WeChat (customer-service messages, protocol §8): a new binding
 * is announced on the WeChats already bound. Plugs into {@code account} and {@code audit} events and
 * sends through {@code token}'s server API; nothing below it knows it exists.
 */
package io.wxbind.notice;
