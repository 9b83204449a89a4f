package io.wxbind.auth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.testsupport.FakeHttp;
import io.wxbind.util.SecureTokens;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The browser's pending logins as a cookie jar would keep them: bounded in number and size
 * (newest wins), scoped to the callback path, each cleared on its own.
 */
class PendingLoginCookiesTest {

    /** A browser's cookies by name (paths kept apart by the name prefix here). */
    private final Map<String, Cookie> jar = new LinkedHashMap<>();

    private List<Cookie> send(Consumer<FakeHttp.Response> step) {
        FakeHttp.Response res = new FakeHttp.Response();
        step.accept(res);
        for (Cookie c : res.cookies) {
            if (c.getMaxAge() == 0) {
                jar.remove(c.getName());
            } else {
                jar.put(c.getName(), c);
            }
        }
        return res.cookies;
    }

    private HttpServletRequest request() {
        return new FakeHttp.Request().cookies(new ArrayList<>(jar.values())).build();
    }

    private String start(int valueLength) {
        String state = SecureTokens.alphanumeric(66);
        send(res -> PendingLoginCookies.add(request(), res.build(), state, "v".repeat(valueLength), false, LoginFlow.CALLBACK_PATH));
        return state;
    }

    private List<String> entries() {
        return jar.keySet().stream().filter(n -> n.startsWith(PendingLoginCookies.ENTRY_PREFIX)).collect(Collectors.toList());
    }

    @Test
    void addWhenStartedThenEntryOnCallbackPathAndIndexOnContextPath() {
        String state = SecureTokens.alphanumeric(66);
        List<Cookie> set = send(res -> PendingLoginCookies.add(request(), res.build(), state, "value.mac", true, LoginFlow.CALLBACK_PATH));
        Cookie entry = set.stream().filter(c -> c.getName().equals(PendingLoginCookies.ENTRY_PREFIX + state.substring(0, 8))).findFirst()
                .orElseThrow();
        assertEquals("/wxbind/wechat/callback", entry.getPath());
        assertTrue(entry.isHttpOnly() && entry.getSecure());
        assertEquals("Lax", entry.getAttribute("SameSite"));
        Cookie index = jar.get(PendingLoginCookies.INDEX);
        assertEquals("/wxbind", index.getPath());
        assertEquals(state.substring(0, 8) + ".9", index.getValue());
        assertEquals(Optional.of("value.mac"), PendingLoginCookies.find(request(), state));
    }

    @Test
    void addWhenMoreThanMaxPendingThenOldestExpiredNewestKept() {
        List<String> states = new ArrayList<>();
        for (int i = 0; i < PendingLoginCookies.MAX_PENDING + 2; i++) {
            states.add(start(300));
        }
        assertEquals(PendingLoginCookies.MAX_PENDING, entries().size());
        assertEquals(Optional.empty(), PendingLoginCookies.find(request(), states.get(0)));
        assertEquals(Optional.empty(), PendingLoginCookies.find(request(), states.get(1)));
        for (String kept : states.subList(2, states.size())) {
            assertTrue(PendingLoginCookies.find(request(), kept).isPresent());
        }
    }

    @Test
    void addWhenEntriesTooLargeTogetherThenOldestGoUntilWithinBudget() {
        String old1 = start(1500);
        String old2 = start(1500);
        String big = start(3000); // a long return URL: 3000 + 1500 would exceed the budget
        assertEquals(List.of(PendingLoginCookies.ENTRY_PREFIX + big.substring(0, 8)), entries());
        String small = start(500);
        assertEquals(Optional.empty(), PendingLoginCookies.find(request(), old1));
        assertEquals(Optional.empty(), PendingLoginCookies.find(request(), old2));
        assertTrue(PendingLoginCookies.find(request(), big).isPresent(), "3000 + 500 fits");
        assertTrue(PendingLoginCookies.find(request(), small).isPresent());
        int total = entries().stream().mapToInt(n -> jar.get(n).getValue().length()).sum();
        assertTrue(total <= PendingLoginCookies.BUDGET, total + " characters");
    }

    @Test
    void clearWhenCallbackDoneThenOnlyThatEntryGoesAndIndexForgetsIt() {
        String a = start(100);
        String b = start(100);
        send(res -> PendingLoginCookies.clear(request(), res.build(), a, false, LoginFlow.CALLBACK_PATH));
        assertEquals(Optional.empty(), PendingLoginCookies.find(request(), a));
        assertTrue(PendingLoginCookies.find(request(), b).isPresent());
        assertEquals(b.substring(0, 8) + ".100", jar.get(PendingLoginCookies.INDEX).getValue());
        send(res -> PendingLoginCookies.clear(request(), res.build(), b, false, LoginFlow.CALLBACK_PATH));
        assertTrue(jar.isEmpty(), "the empty index is dropped too: " + jar.keySet());
    }

    @Test
    void addWhenIndexTamperedOrHugeThenIgnoredAndStillBounded() {
        for (String junk : new String[] {"../../etc", "AAAAAAAA.99999-BBBBBBBB.-1", "x".repeat(4000), "AAAAAAAA.1-AAAAAAAA.1-AAAAAAAA.1"}) {
            jar.clear();
            jar.put(PendingLoginCookies.INDEX, new Cookie(PendingLoginCookies.INDEX, junk));
            String state = start(200);
            assertTrue(PendingLoginCookies.find(request(), state).isPresent(), junk);
            assertTrue(jar.get(PendingLoginCookies.INDEX).getValue().length() <= 20 * PendingLoginCookies.MAX_PENDING);
        }
    }
}
