/**
 * The security audit trail: every module publishes {@link io.wxbind.audit.AuditEvent}s (CDI,
 * {@code Event<AuditEvent>}) where it decides something; {@link io.wxbind.audit.AuditRecorder}, the
 * one observer that records, writes a row per event to {@code wxbind_audit_log} with when, the
 * client address and user agent; {@link io.wxbind.audit.AuditPurger} applies the retention;
 * {@code GET /api/me/audit} ({@code io.wxbind.rest.MyAuditResource}) shows a person their own
 * entries. Depends only on {@code io.wxbind.client}, so every module may publish.
 *
 * <pre>
 *  publisher (login step, binding service, token service, refresher, ...)
 *  1. events.fire(AuditEvent)            inside its transaction, or none
 *  2.   AuditRecorder, AFTER_COMPLETION   (at once without a transaction): request → address, agent
 *  3.   AuditLogStore.insert              REQUIRES_NEW: one native insert, kept on rollback
 *  4. AuditPurger, hourly                 delete where at &lt; now - wxbind.audit.retention-days
 * </pre>
 */
package io.wxbind.audit;
