package io.wxbind.audit;

import java.time.Instant;

/**
 * What one {@code wxbind_audit_log} insert writes: the event plus where and when. Every text is
 * cut to its column, so an over-long value from a publisher loses its tail, never the entry.
 *
 * @param clientAddress the caller's address (behind trusted proxies), or null outside a request
 * @param clientMasked  its masked form for people ({@code ClientAddress#masked}), or null
 * @param userAgent     the {@code User-Agent} header without control characters, or null
 */
record AuditRow(Instant at, AuditEvent event, String clientAddress, String clientMasked, String userAgent, String node) {

    static final int USER_AGENT_MAX = 256;

    AuditRow {
        event = new AuditEvent(event.kind(), cut(event.account(), 128), cut(event.appId(), 32), cut(event.shortOpenId(), 16),
                cut(event.method(), 32), cut(event.reason(), 64), cut(event.subject(), 128));
        clientAddress = cut(clientAddress, 45);
        clientMasked = cut(clientMasked, 48);
        userAgent = cut(userAgent == null ? null : userAgent.replaceAll("\\p{Cntrl}", " ").strip(), USER_AGENT_MAX);
        node = cut(node, 128);
    }

    private static String cut(String value, int max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}
