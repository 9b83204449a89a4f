package io.wxbind.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.client.ClientAddressResolver;
import io.wxbind.config.AuditConfig;
import io.wxbind.config.ConfigFixtures;
import io.wxbind.config.NodeConfig;
import io.wxbind.testsupport.JpaTestDatabase;
import io.wxbind.testsupport.MutableClock;
import io.wxbind.util.SecureTokens;
import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The recorder on real PostgreSQL: what a row holds, with and without a request, rollbacks, failures, the anonymous cap. */
class AuditRecorderTest {

    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();
    private static final String CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/156.0.0.0 Safari/537.36";

    private final MutableClock clock = new MutableClock();

    private AuditRecorder recorder(AuditLogStore store, int anonymousPerMinute) {
        AuditRecorder r = new AuditRecorder();
        r.store = store;
        r.addresses = new ClientAddressResolver("10.0.0.0/8");
        r.clock = clock;
        r.nodeSettings = ConfigFixtures.read(NodeConfig::read, "wxbind.node-name", "node-a");
        r.settings = ConfigFixtures.read(AuditConfig::read, "wxbind.audit.anonymous-per-minute", String.valueOf(anonymousPerMinute));
        r.init();
        return r;
    }

    private AuditRecorder recorder() {
        return recorder(AuditTestLog.store(db), 100);
    }

    /** A request from {@code remote}, maybe through a proxy that says X-Forwarded-For {@code forwardedFor}. */
    static HttpServletRequest request(String remote, String forwardedFor, String userAgent) {
        Map<String, String> headers = forwardedFor == null ? Map.of("User-Agent", userAgent)
                : Map.of("User-Agent", userAgent, "X-Forwarded-For", forwardedFor);
        return (HttpServletRequest) Proxy.newProxyInstance(AuditRecorderTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getRemoteAddr" -> remote;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getHeaders" -> Collections.enumeration(headers.containsKey((String) args[0])
                            ? List.of(headers.get((String) args[0])) : List.<String>of());
                    default -> null;
                });
    }

    private static String newAccount() {
        return "acct_" + SecureTokens.alphanumeric(8);
    }

    @Test
    void recordWhenFromARequestThenOneRowWithWhoWhatWhenAppAddressAndAgent() {
        String account = newAccount();
        AuditEvent event = AuditEvent.of(AuditKind.LOGIN, account).withWeChat("wxA", "oAbc…wxyz").withMethod("WECHAT");
        recorder().record(event, Optional.of(request("10.1.2.3", "203.0.113.77", CHROME_ON_WINDOWS)));
        List<Map<String, String>> rows = AuditTestLog.rows(db, "account = ?", account);
        assertEquals(1, rows.size());
        Map<String, String> row = rows.get(0);
        assertEquals("LOGIN", row.get("kind"));
        assertEquals("wxA", row.get("app_id"));
        assertEquals("oAbc…wxyz", row.get("short_open_id"));
        assertEquals("WECHAT", row.get("method"));
        assertNull(row.get("reason"));
        assertEquals("203.0.113.77", row.get("client_address"), "the client behind the trusted proxy, not the proxy");
        assertEquals("203.0.113.x", row.get("client_masked"));
        assertEquals(CHROME_ON_WINDOWS, row.get("user_agent"));
        assertEquals("node-a", row.get("node"));
        assertEquals(1, count("select count(*) from wxbind_audit_log where account = '" + account + "' and at = timestamptz '"
                + clock.instant() + "'"), "at = the recorder's clock");
    }

    @Test
    void recordWhenNoRequestThenRowWithoutAddressOrAgentAndNoException() {
        recorder().record(AuditEvent.of(AuditKind.SERVER_TOKEN_REFRESHED, null).withWeChat("wxTIMER", null).withReason("scheduled"),
                Optional.empty());
        Map<String, String> row = AuditTestLog.rows(db, "app_id = 'wxTIMER'").get(0);
        assertEquals("SERVER_TOKEN_REFRESHED", row.get("kind"));
        assertNull(row.get("account"));
        assertNull(row.get("client_address"));
        assertNull(row.get("user_agent"));
    }

    @Test
    void recordWhenValuesTooLongOrAgentHasControlCharactersThenCutNotLost() {
        String account = newAccount();
        String agent = "Evil\r\nX-Injected: 1 " + "A".repeat(1000);
        recorder().record(AuditEvent.of(AuditKind.REFUSED, account).withReason("r".repeat(500)),
                Optional.of(request("2001:db8:1:2:3:4:5:6", null, agent)));
        Map<String, String> row = AuditTestLog.rows(db, "account = ?", account).get(0);
        assertEquals(AuditRow.USER_AGENT_MAX, row.get("user_agent").length());
        assertFalse(row.get("user_agent").contains("\n") || row.get("user_agent").contains("\r"));
        assertEquals(64, row.get("reason").length());
        assertEquals("2001:db8:1:2:3:4:5:6", row.get("client_address"));
        assertEquals("2001:db8:1:2::/64", row.get("client_masked"));
    }

    @Test
    void recordWhenFiredInATransactionThatRollsBackThenStillRecorded() {
        String account = newAccount();
        String openId = "o" + SecureTokens.alphanumeric(27);
        AuditRecorder recorder = recorder();
        EntityManager caller = db.inTransaction(em -> em.getEntityManagerFactory()).createEntityManager();
        try {
            caller.getTransaction().begin();
            caller.createNativeQuery("insert into wxbind_wechat_openid (app_id, open_id, account_name, bound_at) values ('wxRB', ?1, ?2, now())")
                    .setParameter(1, openId).setParameter(2, account).executeUpdate();
            recorder.record(AuditEvent.of(AuditKind.REFUSED, account).withReason("too_many_attempts"),
                    Optional.of(request("10.9.9.9", null, "curl/8.5")));
            caller.getTransaction().rollback();
        } finally {
            caller.close();
        }
        assertEquals(0, count("select count(*) from wxbind_wechat_openid where open_id = '" + openId + "'"), "the caller's work rolled back");
        List<Map<String, String>> rows = AuditTestLog.rows(db, "account = ?", account);
        assertEquals(List.of("REFUSED"), rows.stream().map(r -> r.get("kind")).toList(), "the entry, in its own transaction, stays");
        assertEquals("too_many_attempts", rows.get(0).get("reason"));
    }

    @Test
    void recordWhenStoreFailsThenWarningWithoutDetailsAndTheCallerGoesOn() {
        AuditLogStore broken = new AuditLogStore() {
            @Override
            public void insert(AuditRow row) {
                throw new IllegalStateException("password=hunter2", new java.sql.SQLException("connection refused"));
            }
        };
        List<LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(AuditRecorder.class.getName());
        log.addHandler(handler);
        try {
            recorder(broken, 100).record(AuditEvent.of(AuditKind.LOGIN, "someone"), Optional.of(request("10.0.0.1", null, "x")));
        } finally {
            log.removeHandler(handler);
        }
        assertEquals(1, logged.size());
        assertEquals(Level.WARNING, logged.get(0).getLevel());
        assertEquals("audit entry LOGIN not recorded: SQLException", logged.get(0).getMessage());
    }

    @Test
    void recordWhenAnonymousOverTheMinutesBudgetThenDroppedButCountedAndAccountsAlwaysRecorded() {
        String app = "wxANON" + SecureTokens.alphanumeric(6);
        AuditRecorder recorder = recorder(AuditTestLog.store(db), 3);
        AuditEvent anonymous = AuditEvent.of(AuditKind.REFUSED, null).withWeChat(app, null).withReason("state_mismatch");
        for (int i = 0; i < 5; i++) {
            recorder.record(anonymous, Optional.of(request("198.51.100.1", null, "bot")));
        }
        String account = newAccount();
        recorder.record(AuditEvent.of(AuditKind.REFUSED, account).withWeChat(app, null), Optional.of(request("198.51.100.1", null, "bot")));
        recorder.record(AuditEvent.of(AuditKind.SERVER_TOKEN_REFRESHED, null).withWeChat(app, null), Optional.empty());
        assertEquals(3, AuditTestLog.rows(db, "app_id = ? and kind = 'REFUSED' and account is null", app).size());
        assertEquals(1, AuditTestLog.rows(db, "app_id = ? and account = ?", app, account).size(), "named accounts are never capped");
        assertEquals(1, AuditTestLog.rows(db, "app_id = ? and kind = 'SERVER_TOKEN_REFRESHED'", app).size(), "no caller, no cap");
        assertEquals(2, recorder.drainDroppedAnonymous());
        assertEquals(0, recorder.drainDroppedAnonymous());
        clock.advance(Duration.ofMinutes(1));
        recorder.record(anonymous, Optional.of(request("198.51.100.1", null, "bot")));
        assertEquals(4, AuditTestLog.rows(db, "app_id = ? and kind = 'REFUSED' and account is null", app).size(), "a new minute");
    }

    private static long count(String sql) {
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
