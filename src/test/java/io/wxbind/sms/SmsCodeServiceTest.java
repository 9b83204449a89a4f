package io.wxbind.sms;

import io.wxbind.config.SmsConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.account.UserAccount;
import io.wxbind.testsupport.JpaTestDatabase;
import io.wxbind.testsupport.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Codes and throttles on real PostgreSQL with the production persistence unit; time moved by hand. */
class SmsCodeServiceTest {

    private static final AtomicInteger NEXT = new AtomicInteger(10_000_000);
    @RegisterExtension
    static final JpaTestDatabase db = new JpaTestDatabase();

    private final MutableClock clock = new MutableClock();
    private final SmsTestKit kit = new SmsTestKit(clock, Map.of());

    /** A fresh account with a fresh phone; returns the phone (E.164). */
    private static String account(String username) {
        String phone = freshPhone();
        db.inTransaction(em -> {
            em.persist(new UserAccount(username, null, phone, username, Set.of("user"), Instant.now()));
            return null;
        });
        return phone;
    }

    private static String freshPhone() {
        return "+86139" + NEXT.incrementAndGet();
    }

    private static String freshIp() {
        int n = NEXT.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    /** The bind ticket (its hash) of the browser that asks for and enters the codes, unless a test says otherwise. */
    private static final String TICKET = io.wxbind.util.SecureTokens.sha256Hex("ticket-of-this-browser");

    private SendResult send(String phone, String ip) {
        return db.inTransaction(em -> kit.service(em).send(phone, ip, TICKET));
    }

    private VerifyResult verify(String phone, String code) {
        return verify(phone, code, TICKET);
    }

    private VerifyResult verify(String phone, String code, String ticketHash) {
        return db.inTransaction(em -> kit.service(em).verify(phone, code, ticketHash));
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    @Test
    void sendWhenRegisteredThenSixDigitSmsAndRightCodeNamesAccountOnce() {
        String phone = account("sms-once");
        SendResult sent = send(phone.substring(3, 6) + " " + phone.substring(6, 10) + "-" + phone.substring(10), freshIp());
        assertEquals(new SendResult.Sent(phone, Duration.ofSeconds(60), Duration.ofMinutes(5)), sent);
        String code = kit.last(phone).code();
        assertTrue(kit.last(phone).text().contains("expires in 5 minutes"), kit.last(phone).text());
        assertEquals(new VerifyResult.Verified("sms-once"), verify(phone, code.substring(0, 3) + " " + code.substring(3)));
        assertEquals(new VerifyResult.Failed(VerifyResult.Reason.NO_CODE, 0), verify(phone, code), "single use");
    }

    @Test
    void verifyWhenCodeAskedForWithAnotherTicketThenNoCodeNoTryCountedAndItsOwnTicketStillWorks() {
        String phone = account("sms-ticket-bound");
        send(phone, freshIp());
        String code = kit.last(phone).code();
        String otherTicket = io.wxbind.util.SecureTokens.sha256Hex("another-browser");
        VerifyResult noCode = new VerifyResult.Failed(VerifyResult.Reason.NO_CODE, 0);
        for (int i = 0; i < 6; i++) {
            assertEquals(noCode, verify(phone, code, otherTicket), "the right code, another ticket");
            assertEquals(noCode, verify(phone, wrong(code), otherTicket), "same answer as for a wrong one");
        }
        assertEquals(noCode, verify(phone, code, null));
        assertEquals(new VerifyResult.Failed(VerifyResult.Reason.WRONG_CODE, 4), verify(phone, wrong(code)), "no try was used up");
        assertEquals(new VerifyResult.Verified("sms-ticket-bound"), verify(phone, code));
    }

    @Test
    void sendWhenAnotherTicketAsksForTheSamePhoneThenOnlyTheNewTicketsCodeWorks() {
        String phone = account("sms-ticket-replaced");
        send(phone, freshIp());
        String first = kit.last(phone).code();
        clock.advance(Duration.ofSeconds(60));
        String otherTicket = io.wxbind.util.SecureTokens.sha256Hex("a later browser");
        db.inTransaction(em -> kit.service(em).send(phone, freshIp(), otherTicket));
        String second = kit.last(phone).code();
        assertEquals(new VerifyResult.Failed(VerifyResult.Reason.NO_CODE, 0), verify(phone, first));
        assertEquals(new VerifyResult.Failed(VerifyResult.Reason.NO_CODE, 0), verify(phone, second));
        assertEquals(new VerifyResult.Verified("sms-ticket-replaced"), verify(phone, second, otherTicket));
    }

    @Test
    void verifyWhenExpiredThenExpiredAndRightCodeRefused() {
        String phone = account("sms-expiry");
        send(phone, freshIp());
        String code = kit.last(phone).code();
        clock.advance(Duration.ofMinutes(5));
        assertEquals(new VerifyResult.Failed(VerifyResult.Reason.EXPIRED, 0), verify(phone, code));
        assertEquals(new VerifyResult.Failed(VerifyResult.Reason.EXPIRED, 0), verify(phone, wrong(code)));
    }

    @Test
    void verifyWhenJustBeforeExpiryThenAccepted() {
        String phone = account("sms-in-time");
        send(phone, freshIp());
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertInstanceOf(VerifyResult.Verified.class, verify(phone, kit.last(phone).code()));
    }

    @Test
    void verifyWhenFiveWrongCodesThenBurntEvenForTheRightOne() {
        String phone = account("sms-tries");
        send(phone, freshIp());
        String code = kit.last(phone).code();
        for (int left = 4; left >= 1; left--) {
            VerifyResult r = verify(phone, wrong(code));
            assertEquals(new VerifyResult.Failed(VerifyResult.Reason.WRONG_CODE, left), r);
        }
        assertEquals("Wrong code. 1 try left.", new VerifyResult.Failed(VerifyResult.Reason.WRONG_CODE, 1).message());
        assertEquals(new VerifyResult.Failed(VerifyResult.Reason.TOO_MANY_TRIES, 0), verify(phone, wrong(code)));
        assertEquals(new VerifyResult.Failed(VerifyResult.Reason.TOO_MANY_TRIES, 0), verify(phone, code));
    }

    @Test
    void sendWhenRepeatedThenNewCodeReplacesOldAndTriesStartAgain() {
        String phone = account("sms-replace");
        String ip = freshIp();
        send(phone, ip);
        String first = kit.last(phone).code();
        verify(phone, wrong(first));
        verify(phone, wrong(first));
        clock.advance(Duration.ofSeconds(60));
        assertInstanceOf(SendResult.Sent.class, send(phone, ip));
        String second = kit.last(phone).code();
        if (!first.equals(second)) {
            assertEquals(new VerifyResult.Failed(VerifyResult.Reason.WRONG_CODE, 4), verify(phone, first), "old code gone, tries reset");
        }
        assertEquals(new VerifyResult.Verified("sms-replace"), verify(phone, second));
    }

    @Test
    void sendWhenWithinResendIntervalThenThrottledWithExactWait() {
        String phone = account("sms-interval");
        String ip = freshIp();
        send(phone, ip);
        assertEquals(new SendResult.Throttled(SendResult.Limit.PHONE_INTERVAL, Duration.ofSeconds(60)), send(phone, freshIp()));
        clock.advance(Duration.ofSeconds(45));
        SendResult.Throttled t = assertInstanceOf(SendResult.Throttled.class, send(phone, ip));
        assertEquals(15, t.retryAfterSeconds());
        assertTrue(t.message().contains("15 seconds"), t.message());
        assertEquals(1, kit.sent.stream().filter(s -> s.phone().equals(phone)).count(), "throttled sends send nothing");
        clock.advance(Duration.ofSeconds(15));
        assertInstanceOf(SendResult.Sent.class, send(phone, ip));
    }

    @Test
    void sendWhenFivePerHourUsedThenThrottledUntilTheFirstLeavesTheWindow() {
        String phone = account("sms-hourly");
        Instant first = clock.instant();
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(SendResult.Sent.class, send(phone, freshIp()), "send " + (i + 1));
            clock.advance(Duration.ofMinutes(2));
        }
        SendResult.Throttled t = assertInstanceOf(SendResult.Throttled.class, send(phone, freshIp()));
        assertEquals(SendResult.Limit.PHONE_HOURLY, t.limit());
        assertEquals(Duration.between(clock.instant(), first.plus(Duration.ofHours(1))), t.retryAfter());
        assertTrue(t.message().contains("50 minutes"), t.message());
        clock.advance(t.retryAfter().minusSeconds(1));
        assertInstanceOf(SendResult.Throttled.class, send(phone, freshIp()));
        clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(SendResult.Sent.class, send(phone, freshIp()));
    }

    @Test
    void sendWhenTenPerHourFromOneIpThenThatIpThrottledOthersNot() {
        String ip = freshIp();
        Instant first = clock.instant();
        for (int i = 0; i < 10; i++) {
            assertInstanceOf(SendResult.Sent.class, send(i % 2 == 0 ? freshPhone() : account("sms-ip-" + i), ip), "send " + (i + 1));
            clock.advance(Duration.ofSeconds(30));
        }
        SendResult.Throttled t = assertInstanceOf(SendResult.Throttled.class, send(freshPhone(), ip));
        assertEquals(SendResult.Limit.IP_HOURLY, t.limit());
        assertEquals(Duration.between(clock.instant(), first.plus(Duration.ofHours(1))), t.retryAfter());
        assertTrue(t.message().contains("your network"), t.message());
        assertInstanceOf(SendResult.Sent.class, send(freshPhone(), freshIp()));
    }

    @Test
    void sendWhenPhoneHasNoAccountThenSameAnswerSameThrottlesNoSmsAndCodesNeverMatch() {
        String known = account("sms-known");
        String unknown = freshPhone();
        SendResult forKnown = send(known, freshIp());
        SendResult forUnknown = send(unknown, freshIp());
        assertEquals(forKnown, new SendResult.Sent(known, ((SendResult.Sent) forUnknown).resendAfter(),
                ((SendResult.Sent) forUnknown).expiresIn()));
        assertEquals(((SendResult.Sent) forUnknown).phone(), unknown);
        assertTrue(kit.sent.stream().noneMatch(s -> s.phone().equals(unknown)), "nothing sent to a number without account");
        assertEquals(send(known, freshIp()), send(unknown, freshIp()), "same throttle answer");

        String code = kit.last(known).code();
        assertEquals(verify(known, wrong(code)), verify(unknown, wrong(code)), "wrong code: same reason, same tries left");
        assertEquals(verify(known, "000000".equals(code) ? "000001" : "000000"), verify(unknown, "000000"));
        assertEquals(verify(freshPhone(), "123456"), new VerifyResult.Failed(VerifyResult.Reason.NO_CODE, 0));

        List<Map<String, Object>> rows = rows("select * from wxbind_sms_code where phone in (?, ?) order by phone", known, unknown);
        assertEquals(2, rows.size());
        assertEquals(rows.get(0).keySet(), rows.get(1).keySet());
        for (Map<String, Object> row : rows) {
            assertTrue(((String) row.get("code_hash")).matches("[0-9a-f]{64}"), row.toString());
        }
    }

    @Test
    void databaseWhenCodesPendingThenOnlyHashesNeverTheCode() {
        String phone = account("sms-hash-only");
        send(phone, freshIp());
        String code = kit.last(phone).code();
        List<Map<String, Object>> rows = rows("select * from wxbind_sms_code where phone = ?", phone);
        assertEquals(1, rows.size());
        String hash = (String) rows.get(0).get("code_hash");
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertFalse(hash.contains(code));
        assertFalse(hash.equals(io.wxbind.util.SecureTokens.sha256Hex(code)), "not a plain, reversible hash of the code");
        assertFalse(rows.get(0).values().stream().anyMatch(v -> code.equals(String.valueOf(v))));
        assertEquals(1, rows("select * from wxbind_sms_send where phone = ?", phone).size());
    }

    @Test
    void verifyWhenMalformedThenNoTryCounted() {
        String phone = account("sms-malformed");
        send(phone, freshIp());
        for (String bad : new String[] {"12345", "1234567", "12a456", "", null}) {
            assertEquals(new VerifyResult.Failed(VerifyResult.Reason.MALFORMED, 0), verify(phone, bad));
        }
        assertEquals(new VerifyResult.Failed(VerifyResult.Reason.MALFORMED, 0), verify("not a phone", kit.last(phone).code()));
        assertEquals(new VerifyResult.Failed(VerifyResult.Reason.WRONG_CODE, 4), verify(phone, wrong(kit.last(phone).code())));
    }

    @Test
    void verifyWhenAccountStoresBareMainlandDigitsThenFound() {
        String e164 = freshPhone();
        db.inTransaction(em -> {
            em.persist(new UserAccount("sms-bare", null, e164.substring(3), "Bare", Set.of("user"), Instant.now()));
            return null;
        });
        send(e164.substring(3), freshIp());
        assertEquals(new VerifyResult.Verified("sms-bare"), verify(e164, kit.last(e164).code()));
    }

    @Test
    void sendWhenPhoneGarbageOrNoSenderThenValuesNotExceptions() {
        SendResult.InvalidPhone bad = assertInstanceOf(SendResult.InvalidPhone.class, send("call me", freshIp()));
        assertTrue(bad.message().contains("digits"), bad.message());
        kit.senderDeployed = false;
        assertEquals(new SendResult.Unavailable(), send(account("sms-off"), freshIp()));
        assertFalse((boolean) db.inTransaction(em -> kit.service(em).available()));
    }

    @Test
    void sendWhenSameNumberRequestedInParallelThenExactlyOneCodeStored() throws Exception {
        String phone = account("sms-race");
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<SendResult>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String ip = freshIp();
            results.add(pool.submit(() -> {
                go.await();
                return send(phone, ip);
            }));
        }
        go.countDown();
        int sent = 0;
        for (Future<SendResult> f : results) {
            sent += f.get() instanceof SendResult.Sent ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, sent, "the resend interval holds across parallel requests");
        assertEquals(1, rows("select * from wxbind_sms_send where phone = ?", phone).size());
        assertInstanceOf(VerifyResult.Verified.class, verify(phone, kit.last(phone).code()));
    }

    @Test
    void verifyWhenGuessedInParallelThenEveryTryCountedAndCodeBurnt() throws Exception {
        String phone = account("sms-guess-race");
        send(phone, freshIp());
        String code = kit.last(phone).code();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<VerifyResult>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return verify(phone, wrong(code));
            }));
        }
        go.countDown();
        long wrongCounted = 0;
        for (Future<VerifyResult> f : results) {
            VerifyResult.Failed r = assertInstanceOf(VerifyResult.Failed.class, f.get());
            wrongCounted += r.reason() == VerifyResult.Reason.WRONG_CODE ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(4, wrongCounted, "tries 1-4 answered 'wrong', the rest 'too many'");
        assertEquals(new VerifyResult.Failed(VerifyResult.Reason.TOO_MANY_TRIES, 0), verify(phone, code));
    }

    @Test
    void purgeQueriesWhenRunThenOnlyExpiredCodesAndOldSendsGo() {
        String phone = account("sms-purge");
        send(phone, freshIp());
        Instant later = clock.instant().plus(Duration.ofMinutes(6));
        int codes = db.inTransaction(em -> em.createNamedQuery(SmsCode.DELETE_EXPIRED).setParameter("now", clock.instant()).executeUpdate());
        assertEquals(1, rows("select * from wxbind_sms_code where phone = ?", phone).size(), "unexpired code kept (" + codes + ")");
        db.inTransaction(em -> em.createNamedQuery(SmsCode.DELETE_EXPIRED).setParameter("now", later).executeUpdate());
        assertEquals(0, rows("select * from wxbind_sms_code where phone = ?", phone).size());
        db.inTransaction(em -> em.createNamedQuery(SmsSend.DELETE_BEFORE)
                .setParameter("before", clock.instant().plus(Duration.ofHours(1)).minus(SmsConfig.THROTTLE_WINDOW)).executeUpdate());
        assertEquals(1, rows("select * from wxbind_sms_send where phone = ?", phone).size(), "send inside the window kept");
        db.inTransaction(em -> em.createNamedQuery(SmsSend.DELETE_BEFORE)
                .setParameter("before", clock.instant().plusSeconds(1)).executeUpdate());
        assertEquals(0, rows("select * from wxbind_sms_send where phone = ?", phone).size());
    }

    private static List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnName(i), rs.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
