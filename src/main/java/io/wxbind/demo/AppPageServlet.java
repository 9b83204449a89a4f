package io.wxbind.demo;

import io.wxbind.auth.flow.FormTokens;
import io.wxbind.rest.MeView;
import io.wxbind.rest.MeViews;
import io.wxbind.web.Html;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The protected page ({@code /app/}, see web.xml): who is logged in, how, and their bindings;
 * "Log out" ends this session, "Log out everywhere" every session and token of the account.
 * Its script sends the page's form token (the logout form's hidden field) with every change.
 */
@WebServlet("/app/*")
public class AppPageServlet extends HttpServlet {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    MeViews views;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        MeView me = views.of(request).orElseThrow(() -> new IllegalStateException("web.xml protects /app/*"));
        StringBuilder rows = new StringBuilder();
        for (MeView.Binding b : me.bindings()) {
            rows.append("<tr><td>").append(Html.esc(b.appId())).append("</td><td><code>").append(Html.esc(b.openId()))
                    .append("</code></td><td>").append(WHEN.format(b.boundAt()))
                    .append("</td><td><button class=\"btn secondary\" type=\"button\" data-unbind=\"")
                    .append(Html.esc(request.getContextPath() + "/api/me/bindings/" + b.id())).append("\">Remove</button></td></tr>");
        }
        String bindings = me.bindings().isEmpty() ? "<p id=\"no-bindings\">No WeChat binding yet.</p>"
                : "<table id=\"bindings\"><tr><th>App</th><th>OpenID</th><th>Bound at</th><th></th></tr>" + rows + "</table>";
        Html.send(response, 200, "Your account",
                "<div class=\"card\"><p>Logged in as <strong id=\"caller\">" + Html.esc(me.user()) + "</strong> ("
                        + Html.esc(me.displayName()) + ")</p><p>How: <span id=\"login-method\" data-method=\""
                        + Html.esc(me.loginMethod()) + "\">" + Html.esc(me.loginMethodDescription()) + "</span></p><p>Groups: <span id=\"groups\">"
                        + Html.esc(String.join(", ", me.groups())) + "</span></p></div>"
                        + "<div class=\"card\"><h2>WeChat bindings</h2>" + bindings
                        + "<p><button class=\"btn\" type=\"button\" id=\"qr-bind-start\" data-create=\""
                        + Html.esc(request.getContextPath() + "/api/wechat/qr-bindings") + "\">Bind a WeChat by QR code</button></p>"
                        + "<div id=\"qr-bind\" hidden><img id=\"qr-image\" alt=\"QR code to scan with WeChat\" width=\"220\" height=\"220\">"
                        + "<p id=\"qr-status\" role=\"status\" data-status=\"\"></p></div></div>"
                        + "<form method=\"post\" action=\"" + Html.esc(request.getContextPath() + "/logout")
                        + "\">" + FormTokens.hiddenField(request, response)
                        + "<button class=\"btn secondary\" id=\"logout\" type=\"submit\">Log out</button></form>"
                        + "<p><button class=\"btn secondary\" type=\"button\" id=\"logout-everywhere\" data-post=\""
                        + Html.esc(request.getContextPath() + "/api/me/logout-everywhere") + "\" data-then=\""
                        + Html.esc(request.getContextPath() + "/") + "\">Log out everywhere</button> Ends every session and API"
                        + " token of your account, on every device.</p>"
                        + "<script src=\"" + Html.esc(request.getContextPath() + "/static/wxbind-demo.js") + "\"></script>");
    }
}
