package io.wxbind.demo;

import io.wxbind.auth.WeChatAuthenticationMechanism;
import io.wxbind.config.WeChatConfig;
import io.wxbind.config.WebsiteConfig;
import io.wxbind.web.Html;
import io.wxbind.website.WebsiteLoginEntry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The demo portal's home page. */
@WebServlet("")
public class HomeServlet extends HttpServlet {

    @Inject
    WebsiteConfig website;

    @Inject
    WeChatConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String ctx = request.getContextPath();
        String appPage = ctx + "/app/";
        String body;
        if (request.getUserPrincipal() != null) {
            body = "<div class=\"card\"><p>You are logged in as <strong id=\"caller\">" + Html.esc(request.getUserPrincipal().getName())
                    + "</strong>.</p><p><a class=\"btn\" href=\"" + Html.esc(appPage) + "\">Your account</a></p></div>";
        } else {
            body = "<div class=\"card\"><p>Open any page of this portal inside WeChat and you are logged in; the first time, "
                    + "you link your WeChat to your account once.</p><p><a class=\"btn\" id=\"wechat-login\" href=\""
                    + Html.esc(ctx + WeChatAuthenticationMechanism.LOGIN_PATH + "?returnTo=" + Html.url(appPage))
                    + "\">Sign in with WeChat</a> <a class=\"btn secondary\" href=\"" + Html.esc(appPage)
                    + "\">Protected page</a></p><p>On a computer? <a id=\"qr-login-link\" href=\""
                    + Html.esc(ctx + "/wechat/qr-login?returnTo=" + Html.url(appPage)) + "\">Log in by scanning a QR code</a>" + (website.app().isEmpty() ? "" : " or <a id=\"website-login-link\" href=\""
                    + Html.esc(ctx + WebsiteLoginEntry.PATH + "?returnTo=" + Html.url(appPage)) + "\">with WeChat's website login</a>")
                    + "</p></div>";
        }
        String open = config.openBaseUrl().toString();
        if (open.endsWith("/wechat-sim/open")) {
            String sim = open.substring(0, open.length() - "open".length());
            body += "<div class=\"card muted\">Demo mode: WeChat is simulated. <a href=\"" + Html.esc(sim)
                    + "\">Choose who you are in WeChat</a> first. Demo accounts: alice / alice-password, bob / bob-password.</div>";
        }
        Html.send(response, 200, "WxBind demo portal", body);
    }
}
