package io.wxbind.admin;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code /wechat/admin}: the admin page, a static page and its script from the classpath (so it
 * works from the classes jar inside a portal), on the admin API. The container lets only role
 * {@value AdminRoleCheck#ROLE} in ({@link AdminWebSetup}); the page checks again. It learns where
 * the API is from the context parameter {@value #API_PATH_PARAMETER} (default {@code /api}, the
 * demo's JAX-RS path): a host whose JAX-RS application sits elsewhere sets it in its web.xml.
 */
public class AdminPageServlet extends HttpServlet {

    public static final String PATH = "/wechat/admin";
    public static final String API_PATH_PARAMETER = "wxbind.admin.api-path";
    private static final String DEFAULT_API_PATH = "/api";
    private static final Map<String, String> FILES = Map.of("/admin.js", "text/javascript;charset=UTF-8", "/admin.css",
            "text/css;charset=UTF-8");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.isUserInRole(AdminRoleCheck.ROLE)) { // the container checked; a second look costs nothing
            response.sendError(request.getUserPrincipal() == null ? 401 : 403);
            return;
        }
        String name = request.getPathInfo();
        security(response);
        if (name == null || name.equals("/")) {
            String api = request.getServletContext().getInitParameter(API_PATH_PARAMETER);
            String page = read("admin.html").replace("{{api}}", attribute(request.getContextPath() + (api == null ? DEFAULT_API_PATH : api)))
                    .replace("{{static}}", attribute(request.getContextPath() + PATH));
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(page);
            return;
        }
        String type = FILES.get(name);
        if (type == null) {
            response.sendError(404);
            return;
        }
        response.setContentType(type);
        response.setHeader("Cache-Control", "max-age=300");
        response.getOutputStream().write(read(name.substring(1)).getBytes(StandardCharsets.UTF_8));
    }

    private static void security(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self';"
                + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    private String read(String file) throws IOException {
        try (InputStream in = AdminPageServlet.class.getResourceAsStream("/io/wxbind/admin/" + file)) {
            if (in == null) {
                throw new IOException("missing resource io/wxbind/admin/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Escaped for a double-quoted HTML attribute. */
    static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
