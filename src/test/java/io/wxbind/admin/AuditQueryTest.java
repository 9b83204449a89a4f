package io.wxbind.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The audit filters: what is refused with which code, and that client text reaches the query only as parameters. */
class AuditQueryTest {

    private static AuditQuery.Parsed parse(String account, String app, String kind, String from, String to, String client,
            String before, String limit) {
        return AuditQuery.parse(account, app, kind, from, to, client, before, limit);
    }

    @Test
    void parseWhenNothingGivenThenNewestFirstDefaultPageNoFilter() {
        AuditQuery q = parse(null, null, null, null, null, null, null, null).query();
        assertEquals(Long.MAX_VALUE, q.before());
        assertEquals(AuditQuery.DEFAULT_LIMIT, q.limit());
        assertEquals("select e from AuditEntry e where e.id < :before order by e.id desc", q.jpql());
    }

    @Test
    void parseWhenEveryFilterThenEachAFixedConditionWithItsParameter() {
        String hostile = "x' or '1'='1";
        AuditQuery q = parse(hostile, "wxAPP_1", "login, refused", "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z", "2001:db8::1", "99",
                "200").query();
        assertEquals(Set.of("LOGIN", "REFUSED"), q.kinds());
        assertFalse(q.jpql().contains(hostile), q.jpql());
        assertFalse(q.jpql().contains("wxAPP_1"));
        assertEquals("select e from AuditEntry e where e.id < :before and (e.account = :account or e.subject = :account)"
                + " and e.app = :app".replace("e.app ", "e.appId ") + " and e.kind in :kinds and e.at >= :from and e.at < :to"
                + " and e.clientAddress = :client order by e.id desc", q.jpql());
        assertEquals(List.of("before", "account", "app", "kinds", "from", "to", "client"), List.copyOf(q.parameters().keySet()));
        assertEquals(hostile, q.parameters().get("account"));
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), q.parameters().get("from"));
        assertEquals(99L, q.parameters().get("before"));
        assertEquals(200, q.limit());
    }

    @Test
    void parseWhenBadThenTheCodeSaysWhichAndNoQuery() {
        assertBad("bad_account", parse("a\nb", null, null, null, null, null, null, null));
        assertBad("bad_account", parse("a".repeat(129), null, null, null, null, null, null, null));
        assertBad("bad_app", parse(null, "wx-1; drop", null, null, null, null, null, null));
        assertBad("bad_kind", parse(null, null, "LOGIN,NOPE", null, null, null, null, null));
        assertBad("bad_kind", parse(null, null, "", null, null, null, null, null));
        assertBad("bad_time", parse(null, null, null, "yesterday", null, null, null, null));
        assertBad("bad_time", parse(null, null, null, "2026-12-02T00:00:00Z", "2026-12-01T00:00:00Z", null, null, null));
        assertBad("bad_client", parse(null, null, null, null, null, "10.0.0.1/8", null, null));
        assertBad("bad_before", parse(null, null, null, null, null, null, "0", null));
        assertBad("bad_before", parse(null, null, null, null, null, null, "-5", null));
        assertBad("bad_limit", parse(null, null, null, null, null, null, null, "201"));
        assertBad("bad_limit", parse(null, null, null, null, null, null, null, "0"));
        assertBad("bad_limit", parse(null, null, null, null, null, null, null, "9999999999999999999"));
    }

    private static void assertBad(String code, AuditQuery.Parsed parsed) {
        assertNull(parsed.query());
        assertEquals(code, parsed.error());
        assertTrue(parsed.message().endsWith("."), parsed.message());
    }
}
