package io.wxbind.simulator.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenLogTest {

    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private final TokenLog log = new TokenLog();

    private static TokenLog.Entry entry(String appId, ServerTokens.Kind kind, long second, boolean fresh) {
        return new TokenLog.Entry(appId, kind, T0.plusSeconds(second), 20, false, fresh);
    }

    @Test
    void snapshotWhenRecordedThenOldestFirstPerAppWithCountsPerKind() {
        log.record(entry("wxa", ServerTokens.Kind.STABLE, 0, true));
        log.record(entry("wxb", ServerTokens.Kind.CLIENT_CREDENTIAL, 1, true));
        log.record(entry("wxa", ServerTokens.Kind.STABLE, 3, false));
        log.record(entry("wxa", ServerTokens.Kind.CLIENT_CREDENTIAL, 2, true));

        TokenLog.Snapshot a = log.snapshot("wxa");
        assertEquals(List.of(0L, 2L, 3L), a.entries().stream().map(e -> e.issuedAt().getEpochSecond() - T0.getEpochSecond()).toList());
        assertEquals(new TokenLog.Counts(2, 1), a.counts().get(ServerTokens.Kind.STABLE));
        assertEquals(new TokenLog.Counts(1, 1), a.counts().get(ServerTokens.Kind.CLIENT_CREDENTIAL));
        assertEquals(4, log.snapshot(null).entries().size());
        assertEquals(new TokenLog.Counts(2, 2), log.snapshot(null).counts().get(ServerTokens.Kind.CLIENT_CREDENTIAL));
    }

    @Test
    void snapshotWhenAppNeverIssuedThenEmptyWithZeroCounts() {
        TokenLog.Snapshot none = log.snapshot("wxnone");
        assertTrue(none.entries().isEmpty());
        assertEquals(new TokenLog.Counts(0, 0), none.counts().get(ServerTokens.Kind.STABLE));
        assertEquals(new TokenLog.Counts(0, 0), none.counts().get(ServerTokens.Kind.CLIENT_CREDENTIAL));
    }

    @Test
    void recordWhenOverCapThenOldestDroppedButCountsExact() {
        for (int i = 0; i < TokenLog.MAX_ENTRIES_PER_APP + 3; i++) {
            log.record(entry("wxa", ServerTokens.Kind.STABLE, i, i % 2 == 0));
        }
        TokenLog.Snapshot a = log.snapshot("wxa");
        assertEquals(TokenLog.MAX_ENTRIES_PER_APP, a.entries().size());
        assertEquals(3, a.dropped());
        assertEquals(T0.plusSeconds(3), a.entries().get(0).issuedAt());
        assertEquals(new TokenLog.Counts(TokenLog.MAX_ENTRIES_PER_APP + 3, TokenLog.MAX_ENTRIES_PER_APP / 2 + 2),
                a.counts().get(ServerTokens.Kind.STABLE));
    }

    @Test
    void clearWhenAppGivenThenOnlyThatApp() {
        log.record(entry("wxa", ServerTokens.Kind.STABLE, 0, true));
        log.record(entry("wxb", ServerTokens.Kind.STABLE, 0, true));
        log.clear("wxa");
        assertTrue(log.snapshot("wxa").entries().isEmpty());
        assertEquals(1, log.snapshot("wxb").entries().size());
        log.clear(null);
        assertTrue(log.snapshot(null).entries().isEmpty());
    }
}
