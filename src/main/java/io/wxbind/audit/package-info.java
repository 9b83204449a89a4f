/**
 * The security audit trail: every module publishes {@link io.wxbind.audit.AuditEvent}s (CDI),
 * observers record them. Depends on nothing else in WxBind, so every module may publish.
 */
package io.wxbind.audit;
