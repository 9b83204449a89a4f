package io.wxbind.web;

import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.client.ClientAddressResolver;
import io.wxbind.sms.SmsSendHandler;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /wechat/sms/send} (form fields {@code ticket}, {@code phone}): the bind page asks
 * for an SMS code. The decisions are {@link SmsSendHandler}'s; this adapter reads the form, the
 * browser cookie and the client address, and writes JSON, also when something breaks (never a
 * stack trace). The client address comes from {@link ClientAddressResolver} (forwarding headers
 * only from trusted proxies).
 */
public class SmsSendServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(SmsSendServlet.class.getName());

    @Inject
    SmsSendHandler handler;

    @Inject
    ClientAddressResolver addresses;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmsSendHandler.Reply reply;
        try {
            reply = handler.handle(request.getParameter("ticket"), request.getParameter("phone"), BrowserBinding.hash(request),
                    addresses.of(request).throttleKey());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "SMS code request failed", e);
            reply = SmsSendHandler.error(500, "server_error", "Nothing was sent. Please try again later.");
        }
        write(response, reply);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        write(response, SmsSendHandler.error(405, "method_not_allowed", "Use POST with the fields ticket and phone."));
    }

    static void write(HttpServletResponse response, SmsSendHandler.Reply reply) throws IOException {
        response.setStatus(reply.status());
        if (reply.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", Long.toString(reply.retryAfterSeconds()));
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(reply.body().toString().getBytes(StandardCharsets.UTF_8));
    }
}
