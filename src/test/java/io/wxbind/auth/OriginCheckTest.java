package io.wxbind.auth;

import static io.wxbind.auth.OriginCheck.Verdict.CROSS_SITE;
import static io.wxbind.auth.OriginCheck.Verdict.EXEMPT;
import static io.wxbind.auth.OriginCheck.Verdict.FOREIGN_ORIGIN;
import static io.wxbind.auth.OriginCheck.Verdict.FORM_TOKEN;
import static io.wxbind.auth.OriginCheck.Verdict.FORM_TOKEN_MISSING;
import static io.wxbind.auth.OriginCheck.Verdict.SAME_ORIGIN;
import static io.wxbind.auth.OriginCheck.Verdict.UNKNOWN_ORIGIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.auth.flow.FormTokens;
import io.wxbind.push.WeChatPushServlet;
import io.wxbind.testsupport.FakeHttp;
import io.wxbind.util.SecureTokens;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CSRF decision, case by case. Our origin is http://localhost:8080 unless a public URL is configured. */
class OriginCheckTest {

    private static final String BROWSER = SecureTokens.alphanumeric(43);
    private static final String TOKEN = FormTokens.of(new FakeHttp.Request().cookie(new Cookie(BrowserBinding.COOKIE, BROWSER)).build(),
            new FakeHttp.Response().build());
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final URI PUBLIC = URI.create("https://portal.example.com/wxbind");

    /** A request of this browser (its binding cookie and a session cookie) to {@code path}. */
    private static FakeHttp.Request browser(String method, String path) {
        return new FakeHttp.Request().method(method).uri("/wxbind" + path).cookie(new Cookie(BrowserBinding.COOKIE, BROWSER))
                .cookie(new Cookie("JSESSIONID", "s1"));
    }

    private static Arguments row(String name, FakeHttp.Request request, URI publicBaseUrl, OriginCheck.Verdict expected) {
        return Arguments.of(name, request, publicBaseUrl, expected);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("GET is never checked", browser("GET", "/app/").header("Sec-Fetch-Site", "cross-site"), null, EXEMPT),
                row("HEAD is never checked", browser("HEAD", "/app/").header("Origin", "https://evil.example"), null, EXEMPT),
                row("OPTIONS is never checked", browser("OPTIONS", "/api/me").header("Origin", "https://evil.example"), null, EXEMPT),
                row("no cookies: nothing to ride on", new FakeHttp.Request().method("POST").uri("/wxbind/api/wechat/tokens")
                        .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site"), null, EXEMPT),
                row("bearer: a page cannot set it cross-site", browser("POST", "/api/wechat/tokens")
                        .header("Authorization", "Bearer abc").header("Sec-Fetch-Site", "cross-site"), null, EXEMPT),
                row("WeChat push: server to server, signed", browser("POST", WeChatPushServlet.PATH + "/wx123")
                        .header("Origin", "https://evil.example").contentType("text/xml"), null, EXEMPT),
                row("Sec-Fetch-Site same-origin", browser("POST", "/api/wechat/tokens").header("Sec-Fetch-Site", "same-origin"), null, SAME_ORIGIN),
                row("Sec-Fetch-Site none (typed by the user)", browser("DELETE", "/api/me/bindings/1").header("Sec-Fetch-Site", "none"), null,
                        SAME_ORIGIN),
                row("Sec-Fetch-Site cross-site", browser("POST", "/api/wechat/tokens").header("Sec-Fetch-Site", "cross-site"), null, CROSS_SITE),
                row("Sec-Fetch-Site same-site: a sibling subdomain is another origin", browser("POST", "/api/wechat/tokens")
                        .header("Sec-Fetch-Site", "same-site"), null, CROSS_SITE),
                row("Sec-Fetch-Site wins over a matching Origin", browser("DELETE", "/api/me/bindings/1")
                        .header("Sec-Fetch-Site", "cross-site").header("Origin", "http://localhost:8080"), null, CROSS_SITE),
                row("Origin ours", browser("POST", "/api/wechat/qr-bindings").header("Origin", "http://localhost:8080"), null, SAME_ORIGIN),
                row("Origin ours, other letter case", browser("POST", "/api/wechat/qr-bindings").header("Origin", "HTTP://LocalHost:8080"), null,
                        SAME_ORIGIN),
                row("Origin of another site", browser("POST", "/api/wechat/tokens").header("Origin", "https://evil.example"), null, FOREIGN_ORIGIN),
                row("Origin port mismatch", browser("POST", "/api/wechat/tokens").header("Origin", "http://localhost:8081"), null, FOREIGN_ORIGIN),
                row("Origin https for an http site", browser("POST", "/api/wechat/tokens").header("Origin", "https://localhost:8080"), null,
                        FOREIGN_ORIGIN),
                row("Origin that is not an origin", browser("POST", "/api/wechat/tokens").header("Origin", "http://localhost:8080/app"), null,
                        FOREIGN_ORIGIN),
                row("Origin garbage", browser("POST", "/api/wechat/tokens").header("Origin", "ht tp://x"), null, FOREIGN_ORIGIN),
                row("Origin: null without token", browser("POST", "/logout").header("Origin", "null").contentType(FORM), null, UNKNOWN_ORIGIN),
                row("Origin: null with the form token", browser("POST", "/logout").header("Origin", "null").contentType(FORM)
                        .param(FormTokens.FIELD, TOKEN), null, FORM_TOKEN),
                row("no origin headers, no token (old browser or forged)", browser("POST", "/wechat/bind").contentType(FORM), null, UNKNOWN_ORIGIN),
                row("no origin headers, form token", browser("POST", "/wechat/bind").contentType(FORM).param(FormTokens.FIELD, TOKEN), null,
                        FORM_TOKEN),
                row("no origin headers, token header on a script request", browser("DELETE", "/api/me/bindings/1")
                        .header(FormTokens.HEADER, TOKEN), null, FORM_TOKEN),
                row("no origin headers, wrong token", browser("POST", "/wechat/bind").contentType(FORM).param(FormTokens.FIELD, "0".repeat(64)),
                        null, UNKNOWN_ORIGIN),
                row("no origin headers, another browser's token", browser("POST", "/wechat/bind").contentType(FORM)
                        .param(FormTokens.FIELD, FormTokens.of(new FakeHttp.Request().build(), new FakeHttp.Response().build())), null,
                        UNKNOWN_ORIGIN),
                row("same origin, our form without its token", browser("POST", "/logout").header("Origin", "http://localhost:8080")
                        .contentType(FORM), null, FORM_TOKEN_MISSING),
                row("same origin, multipart without token", browser("POST", "/wechat/bind").header("Sec-Fetch-Site", "same-origin")
                        .contentType("multipart/form-data; boundary=x"), null, FORM_TOKEN_MISSING),
                row("same origin, our form with its token", browser("POST", "/logout").header("Sec-Fetch-Site", "same-origin")
                        .contentType(FORM).param(FormTokens.FIELD, TOKEN), null, SAME_ORIGIN),
                row("same origin, form encoding to the API: origin suffices (bodies there must be JSON)",
                        browser("POST", "/api/wechat/tokens").header("Origin", "http://localhost:8080").contentType(FORM), null, SAME_ORIGIN),
                row("public URL: its origin is ours", browser("POST", "/api/wechat/tokens").server("http", "node-1.internal", 8080)
                        .header("Origin", "https://portal.example.com"), PUBLIC, SAME_ORIGIN),
                row("public URL: explicit default port", browser("POST", "/api/wechat/tokens").server("http", "node-1.internal", 8080)
                        .header("Origin", "https://portal.example.com:443"), PUBLIC, SAME_ORIGIN),
                row("public URL: the internal host is not ours", browser("POST", "/api/wechat/tokens").server("http", "node-1.internal", 8080)
                        .header("Origin", "http://node-1.internal:8080"), PUBLIC, FOREIGN_ORIGIN),
                row("public URL: http is not its https", browser("POST", "/api/wechat/tokens").header("Origin", "http://portal.example.com"),
                        PUBLIC, FOREIGN_ORIGIN),
                row("IPv6 host", browser("POST", "/api/wechat/tokens").server("http", "::1", 8080).header("Origin", "http://[::1]:8080"), null,
                        SAME_ORIGIN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decideWhenCaseThenVerdict(String name, FakeHttp.Request request, URI publicBaseUrl, OriginCheck.Verdict expected) {
        assertEquals(expected, OriginCheck.decide(request.build(), publicBaseUrl), name);
    }

    @Test
    void verdictsWhenRefusedThenMessageElseNone() {
        for (OriginCheck.Verdict v : OriginCheck.Verdict.values()) {
            if (v.allowed()) {
                assertNull(v.message(), v.name());
            } else {
                assertNotNull(v.message(), v.name());
            }
        }
        assertTrue(SAME_ORIGIN.allowed() && FORM_TOKEN.allowed() && EXEMPT.allowed());
        assertFalse(CROSS_SITE.allowed() || FOREIGN_ORIGIN.allowed() || UNKNOWN_ORIGIN.allowed() || FORM_TOKEN_MISSING.allowed());
    }

    @Test
    void pushPathWhenComparedThenSameAsThePushServlet() {
        assertEquals(WeChatPushServlet.PATH + "/", OriginCheck.PUSH_PATH);
    }
}
