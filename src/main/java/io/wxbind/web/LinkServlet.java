package io.wxbind.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A bind link from the chat: the mechanism starts the flow; this draws a refusal, if any. */
public class LinkServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FlowOutcomeRenderer.render(request, response);
    }
}
