package io.wxbind.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.client.ClientAddressResolver;
import io.wxbind.testsupport.FakeHttp;
import io.wxbind.util.SecureTokens;
import io.wxbind.web.SmsSendServlet;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The servlet adapter: form and cookie in, JSON out with status and headers, JSON even when something breaks. */
class SmsSendServletTest {

    private final Map<String, Object> seen = new HashMap<>();
    private RuntimeException failure;

    private SmsSendServlet servlet() throws Exception {
        SmsSendServlet s = new SmsSendServlet();
        var field = SmsSendServlet.class.getDeclaredField("handler");
        field.setAccessible(true);
        field.set(s, new SmsSendHandler() {
            @Override
            public Reply handle(String ticket, String phone, Optional<String> browserHash, String clientIp) {
                if (failure != null) {
                    throw failure;
                }
                seen.put("ticket", ticket);
                seen.put("phone", phone);
                seen.put("browser", browserHash);
                return SmsSendHandler.error(429, "throttled", "wait");
            }
        });
        var addresses = SmsSendServlet.class.getDeclaredField("addresses");
        addresses.setAccessible(true);
        addresses.set(s, new ClientAddressResolver(""));
        return s;
    }

    @Test
    void postWhenHandledThenFormAndBrowserHashPassedAndJsonWritten() throws Exception {
        String cookie = SecureTokens.alphanumeric(43);
        HttpServletRequest request = new FakeHttp.Request().method("POST").uri("/wxbind/wechat/sms/send").param("ticket", "T1")
                .param("phone", "13800000001").cookie(new Cookie(BrowserBinding.COOKIE, cookie)).build();
        Captured out = new Captured();
        call(servlet(), "doPost", request, out.build());
        assertEquals("T1", seen.get("ticket"));
        assertEquals("13800000001", seen.get("phone"));
        assertEquals(Optional.of(SecureTokens.sha256Hex(cookie)), seen.get("browser"));
        assertEquals(429, out.status);
        assertEquals("application/json", out.contentType);
        assertEquals("no-store", out.headers.get("Cache-Control"));
        assertEquals("{\"error\":\"throttled\",\"message\":\"wait\"}", out.body());
    }

    @Test
    void postWhenHandlerBreaksThen500JsonWithoutStackTrace() throws Exception {
        failure = new IllegalStateException("database down at io.wxbind.Secret");
        Captured out = new Captured();
        call(servlet(), "doPost", new FakeHttp.Request().method("POST").build(), out.build());
        assertEquals(500, out.status);
        assertTrue(out.body().contains("\"error\":\"server_error\""), out.body());
        assertFalse(out.body().contains("Exception") || out.body().contains("io.wxbind"), out.body());
    }

    @Test
    void getWhenCalledThen405Json() throws Exception {
        Captured out = new Captured();
        call(servlet(), "doGet", new FakeHttp.Request().build(), out.build());
        assertEquals(405, out.status);
        assertEquals("POST", out.headers.get("Allow"));
        assertTrue(out.body().contains("\"error\":\"method_not_allowed\""), out.body());
    }

    private static void call(SmsSendServlet servlet, String method, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        Method m = SmsSendServlet.class.getDeclaredMethod(method, HttpServletRequest.class, HttpServletResponse.class);
        m.setAccessible(true);
        m.invoke(servlet, request, response);
    }

    /** A response that keeps status, headers and body. */
    private static final class Captured {
        int status = 200;
        String contentType;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        String body() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse build() {
            ServletOutputStream stream = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }

                @Override
                public void write(int b) {
                    bytes.write(b);
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                    (p, m, a) -> switch (m.getName()) {
                        case "setStatus" -> {
                            status = (Integer) a[0];
                            yield null;
                        }
                        case "setHeader" -> {
                            headers.put((String) a[0], (String) a[1]);
                            yield null;
                        }
                        case "setContentType" -> {
                            contentType = (String) a[0];
                            yield null;
                        }
                        case "getOutputStream" -> stream;
                        case "hashCode" -> System.identityHashCode(p);
                        case "equals" -> p == a[0];
                        default -> m.getReturnType() == boolean.class ? false : m.getReturnType() == int.class ? 0 : null;
                    });
        }
    }
}
