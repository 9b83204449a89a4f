package io.wxbind.testsupport;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal servlet request/response doubles (dynamic proxies) for unit tests of code that reads
 * parameters and cookies and sets cookies. Anything else they are asked returns a default.
 */
public final class FakeHttp {

    private FakeHttp() {
    }

    /** A request builder; {@link #build()} gives the proxy. */
    public static final class Request {
        private final Map<String, String> params = new HashMap<>();
        private final List<Cookie> cookies = new ArrayList<>();
        private final Map<String, Object> attributes = new HashMap<>();
        private final Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final Map<String, Object> contextAttributes = new HashMap<>();
        private String method = "GET";
        private String uri = "/wxbind/wechat/callback";
        private String contentType;
        private String query;
        private long contentLength = -1;
        private String scheme = "http";
        private String host = "localhost";
        private int port = 8080;

        /** A request header (names case-insensitive, as in HTTP). */
        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request contentType(String type) {
            contentType = type;
            return this;
        }

        public Request contentLength(long length) {
            contentLength = length;
            return this;
        }

        /** Where the browser sent it ({@code getScheme/getServerName/getServerPort}). */
        public Request server(String newScheme, String newHost, int newPort) {
            scheme = newScheme;
            host = newHost;
            port = newPort;
            return this;
        }

        /** An attribute of the (fake) ServletContext. */
        public Request contextAttribute(String name, Object value) {
            contextAttributes.put(name, value);
            return this;
        }

        public Request param(String name, String value) {
            params.put(name, value);
            return this;
        }

        public Request cookie(Cookie cookie) {
            cookies.add(cookie);
            return this;
        }

        public Request cookies(List<Cookie> all) {
            cookies.addAll(all);
            return this;
        }

        public Request method(String m) {
            method = m;
            return this;
        }

        public Request uri(String u) {
            uri = u;
            return this;
        }

        /** The raw query string ({@code getQueryString}); parameters are set apart with {@link #param}. */
        public Request query(String q) {
            query = q;
            return this;
        }

        public HttpServletRequest build() {
            return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getParameter" -> params.get((String) args[0]);
                        case "getCookies" -> cookies.isEmpty() ? null : cookies.toArray(new Cookie[0]);
                        case "getMethod" -> method;
                        case "getRequestURI" -> uri;
                        case "getContextPath" -> "/wxbind";
                        case "getServletPath" -> uri.startsWith("/wxbind") ? uri.substring("/wxbind".length()) : uri;
                        case "getScheme" -> scheme;
                        case "getServerName" -> host;
                        case "getServerPort" -> port;
                        case "isSecure" -> false;
                        case "getQueryString" -> query;
                        case "getHeader" -> headers.get((String) args[0]);
                        case "getContentType" -> contentType;
                        case "getContentLengthLong" -> contentLength;
                        case "getServletContext" -> servletContext();
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "FakeRequest " + method + " " + uri;
                        default -> null;
                    });
        }

        private ServletContext servletContext() {
            return (ServletContext) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(), new Class<?>[] {ServletContext.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "getAttribute" -> contextAttributes.get((String) args[0]);
                        case "setAttribute" -> contextAttributes.put((String) args[0], args[1]);
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> null;
                    });
        }
    }

    /** A response that records the cookies, status ({@code setStatus} or {@code sendError}), headers and body it was given. */
    public static final class Response {
        public final List<Cookie> cookies = new ArrayList<>();
        public final Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        public final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        public int status;

        public HttpServletResponse build() {
            jakarta.servlet.ServletOutputStream out = new jakarta.servlet.ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(jakarta.servlet.WriteListener listener) {
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                        switch (m.getName()) {
                            case "addCookie" -> cookies.add((Cookie) args[0]);
                            case "setStatus", "sendError" -> status = (Integer) args[0];
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                            default -> {
                            }
                        }
                        return switch (m.getName()) {
                            case "getOutputStream" -> out;
                            case "getStatus" -> status;
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            case "toString" -> "FakeResponse";
                            default -> m.getReturnType() == boolean.class ? false : m.getReturnType() == int.class ? 0 : null;
                        };
                    });
        }

        public String bodyText() {
            return body.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
