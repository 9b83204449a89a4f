package io.wxbind.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.launch.WxBindStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shared steps of the server integration tests. */
public final class ItSupport {

    public static final String APP_ID = WxBindStack.APP_ID;
    public static final String OPEN_PLATFORM = "open-wxbind-demo";

    private ItSupport() {
    }

    public static WxBindStack stack() {
        return WxBindStack.shared();
    }

    public static SimControl sim() {
        return new SimControl(stack().simulatorControlUrl());
    }

    /** Opens a protected page as an unbound WeChat user and lands on the bind form. */
    public static String ticketFromBindPage(WeChatBrowser.Chain chain) {
        WeChatBrowser.Page last = chain.last();
        assertEquals(200, last.status(), chain.toString());
        assertTrue(last.path().endsWith("/wechat/bind"), chain.toString());
        Matcher m = Pattern.compile("name=\"ticket\" value=\"([A-Za-z0-9]+)\"").matcher(last.body());
        assertTrue(m.find(), "no ticket in the bind form");
        return m.group(1);
    }

    public static WeChatBrowser.Chain submitBind(WeChatBrowser browser, String appUrl, String ticket, String user, String password) {
        return browser.follow(browser.post(appUrl + "wechat/bind", Map.of("ticket", ticket, "username", user, "password", password)));
    }

    /** Binds a fresh person to {@code account} through the whole web flow; returns the person. */
    public static SimControl.SimPersonInfo bindNewPerson(String account, String password) {
        SimControl.SimPersonInfo p = sim().newPerson("Bound " + account);
        WeChatBrowser b = new WeChatBrowser(p.id());
        String appUrl = stack().appUrl();
        String ticket = ticketFromBindPage(b.open(appUrl + "app/"));
        WeChatBrowser.Chain done = submitBind(b, appUrl, ticket, account, password);
        assertEquals(200, done.last().status(), done.toString());
        assertCaller(done.last(), account);
        return p;
    }

    public static void assertCaller(WeChatBrowser.Page page, String account) {
        assertTrue(page.body().contains("id=\"caller\">" + account + "<"), "expected caller " + account + " on " + page.uri()
                + ": " + page.body());
    }

    public static String loginMethod(WeChatBrowser.Page page) {
        Matcher m = Pattern.compile("data-method=\"([A-Z_]+)\"").matcher(page.body());
        return m.find() ? m.group(1) : null;
    }

    /** Error pages: the right status and code, a readable page, never a stack trace. */
    public static void assertProblemPage(WeChatBrowser.Page page, int status, String code) {
        assertEquals(status, page.status(), page.uri() + " " + page.body());
        assertEquals(code, page.errorCode(), page.body());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertNoStackTrace(page.body());
    }

    public static void assertNoStackTrace(String body) {
        assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("at io.wxbind")
                || body.contains("at java."), "stack trace leaked: " + body);
    }

    public static String boundAccount(String appId, String openId) {
        try (Connection c = stack().database().connect();
             PreparedStatement ps = c.prepareStatement("select account_name from wxbind_wechat_openid where app_id = ? and open_id = ?")) {
            ps.setString(1, appId);
            ps.setString(2, openId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single number a {@code select count(*) ...} (or any one-value query) answers. */
    /** Whether {@code condition} holds within 5 s (an audit row is written by its own observer, after the answer). */
    public static boolean eventually(java.util.function.BooleanSupplier condition) {
        long until = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    public static long count(String sql, Object... args) {
        try (Connection c = stack().database().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... args) {
        try (Connection c = stack().database().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows {@code sql} answers, each column by name as text (null stays null), in the query's order. */
    public static java.util.List<java.util.Map<String, String>> rows(String sql, Object... args) {
        try (Connection c = stack().database().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            java.util.List<java.util.Map<String, String>> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.util.Map<String, String> row = new java.util.HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
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
