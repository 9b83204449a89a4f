package io.wxbind.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The HTTP mapping: path → app, method, body cap, status and plain-text body of every outcome; never sendError. */
class WeChatPushServletTest {

    private Function<AcceptedPush, PushDispatcher.Outcome> dispatch = p -> new PushDispatcher.Outcome(true, Optional.empty());
    private final WeChatPushServlet servlet = servlet();

    private WeChatPushServlet servlet() {
        WeChatPushHandler h = new WeChatPushHandler();
        h.config = WeChatPushHandlerTest.config();
        h.clock = Clock.systemUTC();
        h.events = new RecordingEvent<>();
        h.dispatcher = new PushDispatcher() {
            @Override
            public Outcome dispatch(AcceptedPush push) {
                return dispatch.apply(push);
            }
        };
        WeChatPushServlet s = new WeChatPushServlet();
        s.handler = h;
        return s;
    }

    /** What the servlet did to the response. */
    static final class Recorded {
        int status = 200;
        String contentType;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean sendErrorCalled;

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    private Recorded call(String method, String pathInfo, String query, byte[] body, long contentLength) throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getQueryString" -> query;
                    case "getContentLengthLong" -> contentLength;
                    case "getRemoteAddr" -> "203.0.113.9";
                    case "getInputStream" -> input(body);
                    default -> null;
                });
        Recorded out = new Recorded();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> out.status = (Integer) args[0];
                        case "setContentType" -> out.contentType = (String) args[0];
                        case "setHeader" -> out.headers.put((String) args[0], (String) args[1]);
                        case "sendError" -> out.sendErrorCalled = true;
                        case "getOutputStream" -> {
                            return output(out.body);
                        }
                        default -> {
                        }
                    }
                    return null;
                });
        servlet.service(request, response);
        return out;
    }

    private Recorded post(String pathInfo, SignedPush p) throws Exception {
        byte[] body = p.plainBody();
        return call("POST", pathInfo, p.plainQuery(), body, body.length);
    }

    private static SignedPush textPush() {
        return new SignedPush("plaintoken", java.time.Instant.now(), Long.toString(System.nanoTime()),
                SignedPush.text("oSERVLETxxxxxxxxxxxxxxxxxxxx", 1700000000, System.nanoTime(), "hi"));
    }

    private static void assertPlain(Recorded r, int status, String body) {
        assertEquals(status, r.status, r.text());
        assertEquals(PushResponse.TEXT, r.contentType);
        assertEquals(body, r.text());
        assertFalse(r.sendErrorCalled, "never the HTML error page");
        assertEquals("nosniff", r.headers.get("X-Content-Type-Options"));
    }

    @Test
    void serviceWhenValidPlainPushThenSuccess() throws Exception {
        assertPlain(post("/wxPLAIN", textPush()), 200, "success");
    }

    @Test
    void serviceWhenReplyThenXml() throws Exception {
        dispatch = p -> new PushDispatcher.Outcome(true, Optional.of("hi back"));
        Recorded r = post("/wxPLAIN", textPush());
        assertEquals(200, r.status);
        assertEquals(PushResponse.XML, r.contentType);
        assertTrue(r.text().contains("<Content><![CDATA[hi back]]></Content>"), r.text());
    }

    @Test
    void serviceWhenPathNamesNoConfiguredAppThen404() throws Exception {
        for (String path : new String[] {null, "/", "/wxMAIN", "/wxPLAIN/extra", "/../wxPLAIN", "/wx%00"}) {
            assertPlain(post(path, textPush()), 404, "no push endpoint for this app");
        }
    }

    @Test
    void serviceWhenWrongMethodThen405WithAllow() throws Exception {
        for (String method : new String[] {"PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"}) {
            Recorded r = call(method, "/wxPLAIN", null, new byte[0], 0);
            assertPlain(r, 405, "method not allowed");
            assertEquals("GET, POST", r.headers.get("Allow"));
        }
    }

    @Test
    void serviceWhenBodyTooLargeDeclaredOrStreamedThen413() throws Exception {
        byte[] big = new byte[64 * 1024 + 1];
        SignedPush p = textPush();
        assertPlain(call("POST", "/wxPLAIN", p.plainQuery(), big, big.length), 413, "body too large");
        assertPlain(call("POST", "/wxPLAIN", p.plainQuery(), big, -1), 413, "body too large");
    }

    @Test
    void serviceWhenRefusedThenStatusAndShortReasonOnly() throws Exception {
        SignedPush p = textPush();
        assertPlain(call("POST", "/wxPLAIN", "timestamp=1&nonce=2", p.plainBody(), -1), 401, "signature missing");
        assertPlain(call("GET", "/wxPLAIN", p.plainQuery() + "&echostr=42", null, -1), 200, "42");
        assertPlain(call("GET", "/wxPLAIN", p.plainQuery().replace("signature=", "signature=0"), null, -1), 401, "signature mismatch");
        byte[] xxe = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml>&e;</xml>".getBytes(StandardCharsets.UTF_8);
        Recorded r = call("POST", "/wxPLAIN", p.plainQuery(), xxe, xxe.length);
        assertPlain(r, 400, "DTD not allowed");
        assertFalse(r.text().contains("root:"));
    }

    @Test
    void serviceWhenRetryTimesOutBehindTheFirstDeliveryThenSuccess() throws Exception {
        dispatch = p -> {
            throw new PersistenceException(new SQLException("canceling statement due to lock timeout", "55P03"));
        };
        assertPlain(post("/wxPLAIN", textPush()), 200, "success");
    }

    @Test
    void serviceWhenDatabaseOrObserverFailsThen503WithoutDetails() throws Exception {
        dispatch = p -> {
            throw new IllegalStateException("secret detail from an observer");
        };
        assertPlain(post("/wxPLAIN", textPush()), 503, "temporarily unavailable");
    }

    @Test
    void appIdOfWhenOneSegmentThenItElseNull() {
        assertEquals("wx1", WeChatPushServlet.appIdOf("/wx1"));
        assertNull(WeChatPushServlet.appIdOf("/wx1/"));
        assertNull(WeChatPushServlet.appIdOf(""));
    }

    private static ServletInputStream input(byte[] body) {
        ByteArrayInputStream in = new ByteArrayInputStream(body == null ? new byte[0] : body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener l) {
            }
        };
    }

    private static ServletOutputStream output(ByteArrayOutputStream sink) {
        return new ServletOutputStream() {
            @Override
            public void write(int b) {
                sink.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener l) {
            }
        };
    }
}
