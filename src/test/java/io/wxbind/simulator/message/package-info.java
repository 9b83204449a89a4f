/**
 * Messages from an official account to a person: customer-service messages
 * ({@code message/custom/send}, protocol §8) with their sending windows and quotas, and each
 * person's inbox of everything received (passive replies, custom messages, WeChat's notices).
 */
package io.wxbind.simulator.message;
