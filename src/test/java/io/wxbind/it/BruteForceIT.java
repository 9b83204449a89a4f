package io.wxbind.it;

import static io.wxbind.it.QrBindingIT.control;
import static io.wxbind.it.support.ItSupport.APP_ID;
import static io.wxbind.it.support.ItSupport.assertNoStackTrace;
import static io.wxbind.it.support.ItSupport.boundAccount;
import static io.wxbind.it.support.ItSupport.sim;
import static io.wxbind.it.support.ItSupport.stack;
import static io.wxbind.it.support.ItSupport.ticketFromBindPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.it.support.CheckLoad;
import io.wxbind.it.support.ItSupport;
import io.wxbind.it.support.RawHttp;
import io.wxbind.it.support.SimControl;
import io.wxbind.it.support.WeChatBrowser;
import io.wxbind.util.SecureTokens;
import jakarta.json.JsonObject;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guessing passwords and SMS codes on the bind form, over real HTTP with the default limits (5
 * tries per ticket, 5 wrong per account, 20 per address, 60 s doubling back-off). Each test
 * posts from its own 127.0.31.x address (every other test comes from 127.0.0.1, whose share
 * stays untouched) and binds to accounts made for it (alice and bob are never locked out).
 * Every refusal is checked for its status, its page or JSON, and that nothing was bound.
 */
class BruteForceIT {

    private static final String PASSWORD = "alice-password"; // the test accounts copy alice's password hash
    private static String app;
    private static String origin;

    @BeforeAll
    static void stackUp() {
        app = stack().appUrl();
        URI u = URI.create(app);
        origin = u.getScheme() + "://" + u.getHost() + ":" + u.getPort();
    }

    @io.wxbind.it.support.Hostile
    @Test
    void passwordsWhenTwentyPostedInParallelOnOneTicketThenFiveCheckedRestRefusedAndBurntTicketAnswersAlike() throws Exception {
        String from = "127.0.31.1";
        String account = account("bf-burn", null);
        BindPage page = bindPage("Parallel guesser");
        List<RawHttp.Response> answers = inParallel(20, i -> post(from, page, "username", "nobody-" + i, "password", "guess-" + i));

        long checkedAndWrong = answers.stream().filter(r -> r.status() == 401).count();
        long burnt = answers.stream().filter(r -> r.status() == 429 && "too_many_attempts".equals(errorCode(r))).count();
        assertEquals(4, checkedAndWrong, "tries 1-4 checked: 'wrong, N left'; " + statuses(answers));
        assertEquals(16, burnt, "the 5th checked and 15 never checked: 'no longer valid'; " + statuses(answers));
        answers.forEach(r -> assertNoStackTrace(r.body()));
        assertEquals(5, ticketTries(page.ticket()), "each post counted once, under the row lock");
        assertEquals(5, failures("address", "address:" + from), "only five proofs reached the identity store; the rest were handed back");

        RawHttp.Response wrong = post(from, page, "username", account, "password", "not-it");
        RawHttp.Response right = post(from, page, "username", account, "password", PASSWORD);
        assertEquals(429, right.status());
        assertEquals("too_many_attempts", errorCode(right));
        assertEquals(wrong.status(), right.status(), "no oracle: the right password is answered like a wrong one");
        assertEquals(wrong.body(), right.body(), "no oracle: the same page");
        assertNothingBound(page, account);
    }

    @io.wxbind.it.support.Hostile
    @Test
    void passwordsWhenAccountHadFiveWrongAcrossFreshTicketsThen429WithRetryAfterAndRightPasswordRefusedEverywhere() {
        String from = "127.0.31.2";
        String account = account("bf-account", null);
        SimControl.SimPersonInfo person = sim().newPerson("Account guesser");
        for (int round = 0; round < 5; round++) {
            BindPage fresh = bindPage(person); // a fresh OAuth round: a fresh ticket with 5 tries of its own
            RawHttp.Response wrong = post(from, fresh, "username", round % 2 == 0 ? account : " " + account.toUpperCase() + " ",
                    "password", "wrong-" + round);
            assertEquals(401, wrong.status(), "wrong password " + (round + 1) + ": " + wrong.body());
        }
        BindPage fresh = bindPage(person);
        RawHttp.Response refused = post(from, fresh, "username", account, "password", PASSWORD);
        assertThrottledPage(refused, "throttled_account", 60);
        RawHttp.Response elsewhere = post("127.0.31.12", fresh, "username", account, "password", PASSWORD);
        assertThrottledPage(elsewhere, "throttled_account", 60);
        assertEquals(0, ticketTries(fresh.ticket()), "a blocked try takes nothing from the ticket");
        assertNothingBound(fresh, account);

        // Once the back-off is over (moved into the past here), the right password binds and the account starts again.
        ItSupport.update("update wxbind_attempt_limit set blocked_until = now() - interval '1 second' where subject_hash = ?",
                SecureTokens.sha256Hex("user:" + account));
        assertBound(post(from, fresh, "username", account, "password", PASSWORD), fresh, account);
        assertEquals(0, failures("account", "user:" + account));
    }

    @io.wxbind.it.support.Hostile
    @Test
    void passwordsWhenOneAddressHadTwentyWrongThen429ThereAndAnotherAddressStillServed() {
        String from = "127.0.31.3";
        String account = account("bf-address", null);
        for (int ticket = 0; ticket < 4; ticket++) {
            BindPage page = bindPage("Address guesser " + ticket);
            for (int i = 0; i < 5; i++) {
                RawHttp.Response r = post(from, page, "username", "unknown-" + ticket + "-" + i, "password", "x");
                assertEquals(i < 4 ? 401 : 429, r.status(), "wrong password " + (ticket * 5 + i + 1) + ": " + r.body());
            }
        }
        BindPage page = bindPage("Address victim");
        RawHttp.Response refused = post(from, page, "username", account, "password", PASSWORD);
        assertThrottledPage(refused, "throttled_address", 60);
        assertNothingBound(page, account);
        assertEquals(0, failures("account", "user:" + account), "a refused try counts against nobody");

        assertBound(post("127.0.31.13", page, "username", account, "password", PASSWORD), page, account); // another address is served
    }

    @io.wxbind.it.support.Hostile
    @Test
    void smsCodeWhenAskedForWithTicketAThenTicketBCannotUseItAndTicketACan() {
        String from = "127.0.31.4";
        String phone = freshPhone();
        String account = account("bf-sms", phone);
        BindPage a = bindPage("SMS owner");
        BindPage b = bindPage("SMS thief");
        String code = codeSent(from, a, phone);

        RawHttp.Response stolen = post(from, b, "phone", phone, "smsCode", code);
        assertEquals(401, stolen.status(), stolen.body());
        assertTrue(stolen.body().contains("There is no valid code for this number."), stolen.body());
        assertNothingBound(b, account);

        assertBound(post(from, a, "phone", phone, "smsCode", code), a, account); // with the ticket that asked for it
    }

    @io.wxbind.it.support.Hostile
    @Test
    void smsCodesWhenFiveWrongForOnePhoneThenVerifyAndNewCodesRefused429() {
        String from = "127.0.31.5";
        String phone = freshPhone();
        String account = account("bf-sms-guess", phone);
        BindPage page = bindPage("SMS guesser");
        String code = codeSent(from, page, phone);
        int received = inbox(phone).size();
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            RawHttp.Response r = post(from, page, "phone", phone, "smsCode", wrong);
            assertEquals(401, r.status(), r.body());
            assertTrue(r.body().contains("Wrong code."), r.body());
        }
        BindPage next = bindPage(page.person()); // a fresh ticket does not reset the phone's count
        assertEquals(401, post(from, next, "phone", phone, "smsCode", wrong).status());

        assertThrottledPage(post("127.0.31.15", next, "phone", phone, "smsCode", code), "throttled_account", 60);
        RawHttp.Response send = sendCode("127.0.31.15", next, phone);
        assertEquals(429, send.status(), send.body());
        assertTrue(send.body().contains("\"error\":\"throttled_account\""), send.body());
        assertTrue(send.header("Content-Type").orElse("").startsWith("application/json"), send.headers());
        long retryAfter = Long.parseLong(send.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(received, inbox(phone).size(), "a blocked phone gets no new SMS");
        assertNothingBound(page, account);
    }

    // ---- the bind page as a browser holds it, posted from a chosen address

    /** A bind page: its person, the hidden fields of its form (the ticket, and any anti-CSRF token) and the browser's cookies. */
    private record BindPage(SimControl.SimPersonInfo person, String ticket, Map<String, String> hidden, String cookies) {
    }

    private static BindPage bindPage(String nickname) {
        return bindPage(sim().newPerson(nickname));
    }

    private static BindPage bindPage(SimControl.SimPersonInfo person) {
        WeChatBrowser browser = new WeChatBrowser(person.id());
        WeChatBrowser.Chain chain = browser.open(app + "app/");
        String ticket = ticketFromBindPage(chain);
        String form = chain.last().body();
        form = form.substring(0, form.indexOf("</form>"));
        Map<String, String> hidden = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(form);
        while (m.find()) {
            hidden.put(m.group(1), m.group(2));
        }
        assertEquals(ticket, hidden.get("ticket"));
        String cookies = browser.cookies().getCookieStore().get(URI.create(app)).stream().map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
        return new BindPage(person, ticket, hidden, cookies);
    }

    private static RawHttp.Response post(String from, BindPage page, String... fields) {
        return postTo("wechat/bind", from, page, fields);
    }

    private static RawHttp.Response sendCode(String from, BindPage page, String phone) {
        return postTo("wechat/sms/send", from, page, "phone", phone);
    }

    /** A same-origin form POST, as the browser would send it (its cookies, its Origin, the form's hidden fields). */
    private static RawHttp.Response postTo(String path, String from, BindPage page, String... fields) {
        Map<String, String> form = new LinkedHashMap<>(page.hidden());
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return RawHttp.post(URI.create(app + path), from, Map.of("Cookie", page.cookies(), "Origin", origin), form);
    }

    private static List<RawHttp.Response> inParallel(int n, java.util.function.IntFunction<RawHttp.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RawHttp.Response>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                go.await();
                return call.apply(index);
            }));
        }
        go.countDown();
        List<RawHttp.Response> out = new ArrayList<>();
        for (Future<RawHttp.Response> f : futures) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }

    /** A refusal changed nothing: this WeChat is unbound, the account has no binding. */
    private static void assertNothingBound(BindPage page, String account) {
        assertNull(boundAccount(APP_ID, page.person().openIdFor(APP_ID)));
        assertEquals(0, bindingsOf(account));
    }

    /** A right proof: 303 on to the page, and this WeChat now bound to the account. */
    private static void assertBound(RawHttp.Response r, BindPage page, String account) {
        assertEquals(303, r.status(), r.body());
        assertEquals(account, boundAccount(APP_ID, page.person().openIdFor(APP_ID)));
    }

    private static void assertThrottledPage(RawHttp.Response r, String code, long maxRetryAfter) {
        assertEquals(429, r.status(), r.body());
        assertEquals(code, errorCode(r), r.body());
        assertTrue(r.header("Content-Type").orElse("").startsWith("text/html"), r.headers());
        long retryAfter = Long.parseLong(r.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= maxRetryAfter, "Retry-After " + retryAfter);
        assertTrue(r.body().contains("Please try again in "), r.body());
        assertNoStackTrace(r.body());
    }

    private static String errorCode(RawHttp.Response r) {
        Matcher m = Pattern.compile("id=\"error-code\">([a-z_0-9]+)<").matcher(r.body());
        return m.find() ? m.group(1) : null;
    }

    private static String statuses(List<RawHttp.Response> answers) {
        return answers.stream().map(r -> r.status() + (errorCode(r) == null ? "" : " " + errorCode(r))).toList().toString();
    }

    // ---- test accounts and what the database holds

    /** A fresh account with alice's password (hash copied) and, if given, a phone. */
    private static String account(String prefix, String phone) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        ItSupport.update("insert into wxbind_user_account (username, password_hash, phone, display_name) "
                + "select ?, password_hash, ?, ? from wxbind_user_account where username = 'alice'", name, phone, name);
        ItSupport.update("insert into wxbind_user_group (username, group_name) values (?, 'user')", name);
        return name;
    }

    private static String freshPhone() {
        return "+86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static int bindingsOf(String account) {
        return (int) number("select count(*) from wxbind_wechat_openid where account_name = ?", account);
    }

    private static int ticketTries(String rawTicket) {
        return (int) number("select failed_attempts from wxbind_bind_ticket where ticket_hash = ?", SecureTokens.sha256Hex(rawTicket));
    }

    /** The failures counted for a guessing subject (as {@code GuessSubject} keys it), 0 without a row. */
    private static int failures(String scope, String key) {
        return (int) number("select coalesce(max(failures), 0) from wxbind_attempt_limit where scope = ? and subject_hash = ?",
                scope, SecureTokens.sha256Hex(key));
    }

    private static long number(String sql, Object... args) {
        try (Connection c = stack().database().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the simulator's SMS inbox

    /** Asks for a code with the page's ticket; the code from the simulator's inbox. */
    private static String codeSent(String from, BindPage page, String phone) {
        int before = inbox(phone).size();
        RawHttp.Response sent = sendCode(from, page, phone);
        assertEquals(200, sent.status(), sent.body());
        return newCode(phone, before);
    }

    private static String newCode(String phone, int before) {
        List<JsonObject> messages = inbox(phone);
        for (int i = 0; i < 50 && messages.size() <= before; i++) {
            CheckLoad.sleep(Duration.ofMillis(100));
            messages = inbox(phone);
        }
        assertTrue(messages.size() > before, "no new SMS in the simulator inbox: " + messages);
        Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(messages.get(messages.size() - 1).getString("text"));
        assertTrue(m.find(), messages.toString());
        return m.group(1);
    }

    private static List<JsonObject> inbox(String phone) {
        return control("GET", "/sms?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8), null)
                .getJsonArray("messages").getValuesAs(JsonObject.class);
    }
}
