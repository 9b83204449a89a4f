package io.wxbind.web;

import io.wxbind.auth.flow.LoginFlow;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Flow step 2 ends here: redirect after login, or explain what went wrong. */
@WebServlet(LoginFlow.CALLBACK_PATH)
public class CallbackServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FlowOutcomeRenderer.render(request, response);
    }
}
