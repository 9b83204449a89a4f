package io.wxbind.web;

import io.wxbind.auth.WeChatAuthenticationMechanism;
import io.wxbind.auth.flow.BindTicket;
import io.wxbind.auth.flow.BindTicketStore;
import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.flow.FormTokens;
import io.wxbind.sms.SmsCodeService;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Flow step 4 (bind): the form where a person with an unbound WeChat logs in once. The ticket
 * in the form stands for the openid, which never reaches the page. POST is handled by the
 * mechanism; this servlet draws the result. Both forms carry the form token ({@link FormTokens}).
 */
public class BindServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String ticket = request.getParameter("ticket");
        BindTicketStore tickets = CDI.current().select(BindTicketStore.class).get();
        Optional<BindTicket> valid = BrowserBinding.hash(request).flatMap(b -> tickets.peek(ticket, b));
        if (valid.isEmpty()) {
            ProblemPage.send(request, response, FlowProblem.TICKET_INVALID, null);
            return;
        }
        sendForm(request, response, ticket, null, 200, valid.get().identity().nickname());
    }

    private static boolean smsAvailable() {
        var sms = CDI.current().select(SmsCodeService.class);
        return sms.isResolvable() && sms.get().available();
    }

    /** The alternative proof: the phone number on the account and a code sent to it. */
    private static String smsForm(HttpServletRequest request, HttpServletResponse response, String ticket) {
        String ctx = request.getContextPath();
        return "<div class=\"card\" id=\"sms-bind\" data-send-url=\"" + Html.esc(ctx + "/wechat/sms/send") + "\"><h2>Or use your phone</h2>"
                + "<form method=\"post\" action=\"" + Html.esc(ctx + request.getServletPath()) + "\">"
                + "<input type=\"hidden\" name=\"ticket\" value=\"" + Html.esc(ticket) + "\">" + FormTokens.hiddenField(request, response)
                + "<label for=\"phone\">Phone number on your account</label><input type=\"text\" id=\"phone\" name=\"phone\" "
                + "autocomplete=\"tel\" inputmode=\"tel\" maxlength=\"32\" required>"
                + "<p><button class=\"btn secondary\" type=\"button\" id=\"sms-send\">Send me a code</button> "
                + "<span id=\"sms-status\" role=\"status\"></span></p>"
                + "<label for=\"sms-code\">Code from the SMS</label><input type=\"text\" id=\"sms-code\" name=\"smsCode\" "
                + "autocomplete=\"one-time-code\" inputmode=\"numeric\" maxlength=\"6\" required>"
                + "<p><button class=\"btn\" type=\"submit\" id=\"sms-submit\">Verify and link WeChat</button></p></form></div>"
                + "<script src=\"" + Html.esc(ctx + "/wechat/static/bind-sms.js") + "\"></script>";
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FlowOutcomeRenderer.render(request, response);
    }

    static void sendForm(HttpServletRequest request, HttpServletResponse response, String ticket, String error, int status)
            throws IOException {
        sendForm(request, response, ticket, error, status, null);
    }

    private static void sendForm(HttpServletRequest request, HttpServletResponse response, String ticket, String error,
            int status, String nickname) throws IOException {
        String who = nickname != null ? "You are <strong>" + Html.esc(nickname) + "</strong> in WeChat. " : "";
        Html.send(response, status, "Link your WeChat to your account",
                "<div class=\"card\"><p>" + who + "Log in once with your account; from then on WeChat logs you in by itself.</p>"
                        + (error != null ? "<div class=\"error\" id=\"bind-error\" role=\"alert\">" + Html.esc(error) + "</div>" : "")
                        + "<form method=\"post\" action=\"" + Html.esc(request.getContextPath() + request.getServletPath()) + "\">"
                        + "<input type=\"hidden\" name=\"ticket\" value=\"" + Html.esc(ticket) + "\">"
                        + FormTokens.hiddenField(request, response)
                        + "<label for=\"username\">Username</label><input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" maxlength=\"64\" required>"
                        + "<label for=\"password\">Password</label><input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" maxlength=\"256\" required>"
                        + "<p><button class=\"btn\" type=\"submit\" id=\"bind-submit\">Log in and link WeChat</button></p></form>"
                        + "<p class=\"muted\">This link works once, for 5 minutes, in this browser only.</p></div>"
                        + (smsAvailable() ? smsForm(request, response, ticket) : ""));
    }
}
