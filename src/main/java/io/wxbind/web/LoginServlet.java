package io.wxbind.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Explicit "sign in with WeChat" ({@code ?returnTo=}). The mechanism redirects to WeChat; this
 * servlet only runs when it refused the return URL, or when the caller is already logged in.
 */
public class LoginServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FlowOutcomeRenderer.render(request, response);
    }
}
