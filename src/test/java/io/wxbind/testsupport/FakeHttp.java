package io.wxbind.testsupport;

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
        private String method = "GET";
        private String uri = "/wxbind/wechat/callback";

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

        public HttpServletRequest build() {
            return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getParameter" -> params.get((String) args[0]);
                        case "getCookies" -> cookies.isEmpty() ? null : cookies.toArray(new Cookie[0]);
                        case "getMethod" -> method;
                        case "getRequestURI" -> uri;
                        case "getContextPath" -> "/wxbind";
                        case "getScheme" -> "http";
                        case "getServerName" -> "localhost";
                        case "getServerPort" -> 8080;
                        case "isSecure" -> false;
                        case "getQueryString" -> null;
                        case "getHeader" -> null;
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "FakeRequest " + method + " " + uri;
                        default -> null;
                    });
        }
    }

    /** A response that records the cookies it was given. */
    public static final class Response {
        public final List<Cookie> cookies = new ArrayList<>();

        public HttpServletResponse build() {
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                        if (m.getName().equals("addCookie")) {
                            cookies.add((Cookie) args[0]);
                        }
                        return switch (m.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            case "toString" -> "FakeResponse";
                            default -> m.getReturnType() == boolean.class ? false : m.getReturnType() == int.class ? 0 : null;
                        };
                    });
        }
    }
}
