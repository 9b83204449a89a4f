package io.wxbind.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Serves the flow pages' scripts from the classpath, so they work from the classes jar inside a
 * portal's WAR too (the page CSP allows only same-origin scripts).
 */
public class StaticScriptServlet extends HttpServlet {

    private static final Set<String> SCRIPTS = Set.of("/qr-login.js", "/bind-sms.js", "/wxbind-client.js");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo();
        if (name == null || !SCRIPTS.contains(name)) {
            response.sendError(404);
            return;
        }
        try (InputStream in = getClass().getResourceAsStream("/io/wxbind/web" + name)) {
            if (in == null) {
                response.sendError(404);
                return;
            }
            response.setContentType("text/javascript;charset=UTF-8");
            response.setHeader("Cache-Control", "max-age=300");
            response.setHeader("X-Content-Type-Options", "nosniff");
            in.transferTo(response.getOutputStream());
        }
    }
}
