package io.wxbind.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audit log ({@code io.wxbind.audit}, {@code GET /api/me/audit}).
 *
 * @param retention          entries older than this are purged hourly ({@code wxbind.audit.retention-days}, 90; 1..3650)
 * @param anonymousPerMinute entries naming no account (anonymous refusals) one node records per minute
 *                           ({@code wxbind.audit.anonymous-per-minute}, 120; 0..1000000)
 */
public record AuditConfig(Duration retention, int anonymousPerMinute) {

    /** Pure mapping from raw values; every problem goes to {@code problems}. */
    public static AuditConfig read(Function<String, Optional<String>> source, List<String> problems) {
        ConfigReader r = new ConfigReader(source, problems);
        long days = r.whole("wxbind.audit.retention-days", 90, 1, 3650);
        long anonymous = r.whole("wxbind.audit.anonymous-per-minute", 120, 0, 1_000_000);
        return new AuditConfig(Duration.ofDays(days), (int) anonymous);
    }
}
