package io.wxbind.auth.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.testsupport.FakeHttp;
import io.wxbind.util.SecureTokens;
import jakarta.servlet.http.Cookie;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The browser cookie under both namings: {@code WXBIND_BROWSER} on http, {@code __Host-WXBIND_BROWSER} when secure. */
class BrowserBindingTest {

    private static final String VALUE = SecureTokens.alphanumeric(43);

    private static FakeHttp.Request secure() {
        return new FakeHttp.Request().contextAttribute(CookiePolicy.class.getName(), new CookiePolicy(true));
    }

    @Test
    void ensureWhenPlainThenPlainNameScopedToContext() {
        FakeHttp.Response response = new FakeHttp.Response();
        String hash = BrowserBinding.ensure(new FakeHttp.Request().build(), response.build());
        Cookie set = response.cookies.get(0);
        assertEquals("WXBIND_BROWSER", set.getName());
        assertEquals("/wxbind", set.getPath());
        assertFalse(set.getSecure());
        assertTrue(set.isHttpOnly());
        assertEquals("Lax", set.getAttribute("SameSite"));
        assertEquals(SecureTokens.sha256Hex(set.getValue()), hash);
    }

    @Test
    void ensureWhenSecureThenHostPrefixedSecureRootPath() {
        FakeHttp.Response response = new FakeHttp.Response();
        BrowserBinding.ensure(secure().build(), response.build());
        Cookie set = response.cookies.get(0);
        assertEquals("__Host-WXBIND_BROWSER", set.getName());
        assertEquals("/", set.getPath());
        assertTrue(set.getSecure());
        assertTrue(set.isHttpOnly());
        assertEquals("Lax", set.getAttribute("SameSite"));
    }

    @Test
    void hashWhenPlainThenReadsPlainNameOnly() {
        assertEquals(Optional.of(SecureTokens.sha256Hex(VALUE)),
                BrowserBinding.hash(new FakeHttp.Request().cookie(new Cookie("WXBIND_BROWSER", VALUE)).build()));
        assertEquals(Optional.empty(), BrowserBinding.hash(new FakeHttp.Request().cookie(new Cookie("__Host-WXBIND_BROWSER", VALUE)).build()));
    }

    @Test
    void hashWhenSecureThenReadsHostNameOnlyNeverATossedPlainCookie() {
        assertEquals(Optional.of(SecureTokens.sha256Hex(VALUE)),
                BrowserBinding.hash(secure().cookie(new Cookie("__Host-WXBIND_BROWSER", VALUE)).build()));
        assertEquals(Optional.empty(), BrowserBinding.hash(secure().cookie(new Cookie("WXBIND_BROWSER", VALUE)).build()));
    }

    @Test
    void ensureWhenCookieAlreadySentThenKeptAndNoneSet() {
        FakeHttp.Response response = new FakeHttp.Response();
        String hash = BrowserBinding.ensure(secure().cookie(new Cookie("__Host-WXBIND_BROWSER", VALUE)).build(), response.build());
        assertEquals(SecureTokens.sha256Hex(VALUE), hash);
        assertTrue(response.cookies.isEmpty());
    }

    @Test
    void formTokenWhenSecureNamingThenValidOnlyForThatBrowser() {
        String token = FormTokens.of(secure().cookie(new Cookie("__Host-WXBIND_BROWSER", VALUE)).build(), new FakeHttp.Response().build());
        assertTrue(FormTokens.valid(secure().cookie(new Cookie("__Host-WXBIND_BROWSER", VALUE)).param(FormTokens.FIELD, token).build()));
        assertTrue(FormTokens.valid(secure().cookie(new Cookie("__Host-WXBIND_BROWSER", VALUE)).header(FormTokens.HEADER, token).build()));
        assertFalse(FormTokens.valid(secure().cookie(new Cookie("WXBIND_BROWSER", VALUE)).param(FormTokens.FIELD, token).build()),
                "the plain name does not count when cookies are secure");
        assertFalse(FormTokens.valid(secure().cookie(new Cookie("__Host-WXBIND_BROWSER", SecureTokens.alphanumeric(43)))
                .param(FormTokens.FIELD, token).build()), "another browser");
        assertFalse(FormTokens.valid(secure().param(FormTokens.FIELD, token).build()), "no cookie");
    }
}
