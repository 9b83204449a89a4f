package io.wxbind.auth.flow;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a browser keeps its pending logins ({@link PendingLoginCodec} values): one cookie per
 * state, {@code WXBIND_STATE_<first 8 characters of the state>}, sent only to the callback path,
 * so other requests do not carry it. A protected page that starts a login cannot see those
 * cookies, so a small index cookie at the context path lists them (name suffix and size, oldest
 * first): starting one more than {@link #MAX_PENDING}, or more than {@link #BUDGET} characters
 * in all, expires the oldest (newest wins), which keeps the callback's Cookie header well under
 * the 8 KB that servers and proxies accept. Tabs starting at the same moment each get their own
 * cookie; the index keeps the last writer's list, so a cookie missing from it is merely not
 * evicted early, and it still works. All {@code HttpOnly}, {@code SameSite=Lax} (WeChat's
 * redirect back is a top-level cross-site GET, which carries Lax cookies), session cookies: the
 * MAC'd expiry, not the cookie's lifetime, decides validity.
 */
final class PendingLoginCookies {

    static final String ENTRY_PREFIX = "WXBIND_STATE_";
    static final String INDEX = "WXBIND_STATES";
    static final int MAX_PENDING = 4;
    static final int BUDGET = 4096;
    private static final int SUFFIX_LENGTH = 8;
    private static final Pattern INDEX_ENTRY = Pattern.compile("[A-Za-z0-9]{" + SUFFIX_LENGTH + "}\\.[0-9]{1,4}");

    private PendingLoginCookies() {
    }

    /** One pending entry of the index: its cookie name suffix and value length. */
    private record Slot(String suffix, int size) {
        @Override
        public String toString() {
            return suffix + "." + size;
        }
    }

    /** Stores {@code value} for {@code state}, expiring the oldest entries beyond the bounds. */
    static void add(HttpServletRequest request, HttpServletResponse response, String state, String value, boolean secure, String callbackPath) {
        Slot added = new Slot(suffix(state), value.length());
        List<Slot> older = index(request).stream().filter(s -> !s.suffix().equals(added.suffix())).toList();
        List<Slot> kept = new ArrayList<>(List.of(added));
        int total = added.size();
        for (int i = older.size() - 1; i >= 0; i--) {
            Slot s = older.get(i);
            if (kept.size() < MAX_PENDING && total + s.size() <= BUDGET) {
                kept.add(0, s);
                total += s.size();
            } else {
                set(response, ENTRY_PREFIX + s.suffix(), "", entryPath(request, callbackPath), secure, true);
            }
        }
        set(response, ENTRY_PREFIX + added.suffix(), value, entryPath(request, callbackPath), secure, false);
        writeIndex(request, response, kept, secure);
    }

    /** The value this browser keeps for {@code state}, if any (only sent to the callback path). */
    static Optional<String> find(HttpServletRequest request, String state) {
        return cookie(request, ENTRY_PREFIX + suffix(state));
    }

    /** Forgets {@code state}'s entry: the browser drops the cookie and the index no longer lists it. */
    static void clear(HttpServletRequest request, HttpServletResponse response, String state, boolean secure, String callbackPath) {
        String suffix = suffix(state);
        set(response, ENTRY_PREFIX + suffix, "", entryPath(request, callbackPath), secure, true);
        writeIndex(request, response, index(request).stream().filter(s -> !s.suffix().equals(suffix)).toList(), secure);
    }

    private static String suffix(String state) {
        return state.substring(0, SUFFIX_LENGTH);
    }

    /** The index as sent; malformed parts are ignored (it only decides which cookies to expire). */
    private static List<Slot> index(HttpServletRequest request) {
        String raw = cookie(request, INDEX).orElse("");
        if (raw.length() > 20 * MAX_PENDING) {
            return List.of();
        }
        return Arrays.stream(raw.split("-")).filter(p -> INDEX_ENTRY.matcher(p).matches()).distinct().limit(MAX_PENDING)
                .map(p -> new Slot(p.substring(0, SUFFIX_LENGTH), Integer.parseInt(p.substring(SUFFIX_LENGTH + 1)))).toList();
    }

    private static void writeIndex(HttpServletRequest request, HttpServletResponse response, List<Slot> slots, boolean secure) {
        String value = slots.stream().map(Slot::toString).collect(Collectors.joining("-"));
        set(response, INDEX, value, contextPath(request), secure, value.isEmpty());
    }

    private static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> name.equals(c.getName())).map(Cookie::getValue).findFirst();
    }

    private static void set(HttpServletResponse response, String name, String value, String path, boolean secure, boolean delete) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath(path);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setAttribute("SameSite", "Lax");
        if (delete) {
            cookie.setMaxAge(0);
        }
        response.addCookie(cookie);
    }

    private static String entryPath(HttpServletRequest request, String callbackPath) {
        return request.getContextPath() + callbackPath;
    }

    private static String contextPath(HttpServletRequest request) {
        return request.getContextPath().isEmpty() ? "/" : request.getContextPath();
    }
}
