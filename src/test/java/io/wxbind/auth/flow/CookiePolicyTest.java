package io.wxbind.auth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.testsupport.FakeHttp;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CookiePolicyTest {

    private static final URI HTTPS = URI.create("https://portal.example.com/wxbind");
    private static final URI HTTP = URI.create("http://localhost:8080/wxbind");

    @Test
    void cookieWhenSecureThenHostPrefixRootPathSecureHttpOnlyLax() {
        Cookie c = new CookiePolicy(true).cookie(new FakeHttp.Request().build(), "WXBIND_X", "v");
        assertEquals("__Host-WXBIND_X", c.getName());
        assertEquals("/", c.getPath(), "__Host- requires Path=/");
        assertEquals(null, c.getDomain(), "__Host- forbids Domain");
        assertTrue(c.getSecure());
        assertTrue(c.isHttpOnly());
        assertEquals("Lax", c.getAttribute("SameSite"));
    }

    @Test
    void cookieWhenPlainThenOwnNameContextPathNotSecureHttpOnlyLax() {
        Cookie c = CookiePolicy.PLAIN.cookie(new FakeHttp.Request().build(), "WXBIND_X", "v");
        assertEquals("WXBIND_X", c.getName());
        assertEquals("/wxbind", c.getPath());
        assertFalse(c.getSecure(), "a plain http site: a Secure cookie would never come back");
        assertTrue(c.isHttpOnly());
        assertEquals("Lax", c.getAttribute("SameSite"));
        assertEquals(0, CookiePolicy.PLAIN.expired(new FakeHttp.Request().build(), "WXBIND_X").getMaxAge());
    }

    @Test
    void ofWhenPublishedThenThatPolicyElsePlain() {
        assertEquals(CookiePolicy.PLAIN, CookiePolicy.of(new FakeHttp.Request().build()));
        FakeHttp.Request r = new FakeHttp.Request();
        HttpServletRequest request = r.build();
        new CookiePolicy(true).publish(request.getServletContext());
        assertTrue(CookiePolicy.of(request).secure());
    }

    @Test
    void readWhenBothNamingsSentThenOnlyOurs() {
        HttpServletRequest both = new FakeHttp.Request().cookie(new Cookie("WXBIND_X", "plain"))
                .cookie(new Cookie("__Host-WXBIND_X", "host")).build();
        assertEquals(Optional.of("plain"), CookiePolicy.PLAIN.read(both, "WXBIND_X"));
        assertEquals(Optional.of("host"), new CookiePolicy(true).read(both, "WXBIND_X"));
        HttpServletRequest plainOnly = new FakeHttp.Request().cookie(new Cookie("WXBIND_X", "tossed")).build();
        assertEquals(Optional.empty(), new CookiePolicy(true).read(plainOnly, "WXBIND_X"),
                "secure: a cookie without the prefix may come from a subdomain or plain http");
    }

    @Test
    void applyToWhenSessionCookieThenHttpOnlyLaxSecureOnlyWhenPolicyIsAndHostChoicesKept() {
        Map<String, Object> fresh = sessionConfig(null, false);
        new CookiePolicy(true).applyTo(config(fresh));
        assertEquals(Map.of("httpOnly", true, "secure", true, "SameSite", "Lax"), fresh);

        Map<String, Object> plain = sessionConfig(null, false);
        plain.remove("secure");
        CookiePolicy.PLAIN.applyTo(config(plain));
        assertEquals(Map.of("httpOnly", true, "SameSite", "Lax"), plain, "Secure untouched: the container's per-request default stays");

        Map<String, Object> host = sessionConfig("Strict", true);
        CookiePolicy.PLAIN.applyTo(config(host));
        assertEquals(Map.of("httpOnly", true, "secure", true, "SameSite", "Strict"), host, "web.xml choices are kept");
    }

    private static Map<String, Object> sessionConfig(String sameSite, boolean secure) {
        Map<String, Object> values = new HashMap<>();
        values.put("secure", secure);
        if (sameSite != null) {
            values.put("SameSite", sameSite);
        }
        return values;
    }

    /** A SessionCookieConfig whose setters write into {@code values}. */
    private static SessionCookieConfig config(Map<String, Object> values) {
        return (SessionCookieConfig) Proxy.newProxyInstance(CookiePolicyTest.class.getClassLoader(), new Class<?>[] {SessionCookieConfig.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "setHttpOnly" -> values.put("httpOnly", args[0]);
                    case "setSecure" -> values.put("secure", args[0]);
                    case "isSecure" -> values.get("secure");
                    case "setAttribute" -> values.put((String) args[0], args[1]);
                    case "getAttribute" -> values.get((String) args[0]);
                    default -> null;
                });
    }
}
