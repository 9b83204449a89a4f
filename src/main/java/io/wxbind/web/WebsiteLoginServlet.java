package io.wxbind.web;

import io.wxbind.auth.FlowOutcome;
import io.wxbind.config.WebsiteConfig;
import io.wxbind.website.WebsiteLoginEntry;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /wechat/website-login}: the mechanism ({@link WebsiteLoginEntry}) already sent the
 * browser to WeChat's QR page; this servlet only draws what it left (a refused return URL), says
 * so clearly when no website app is configured (404), and sends a browser that is already logged
 * in home.
 */
public class WebsiteLoginServlet extends HttpServlet {

    @Inject
    WebsiteConfig website;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (FlowOutcome.of(request).isEmpty() && website.app().isEmpty()) {
            ProblemPage.sendStatus(response, 404, "Website login is not available",
                    "This site has no WeChat website app configured, so it offers no QR login with WeChat's own page.",
                    request.getContextPath() + "/");
            return;
        }
        FlowOutcomeRenderer.render(request, response);
    }

    /** The link for a desktop login page, or null when there is no website app. */
    static String link(WebsiteConfig website, HttpServletRequest request, String returnTo) {
        return website.app().isEmpty() ? null
                : request.getContextPath() + WebsiteLoginEntry.PATH + "?returnTo=" + Html.url(returnTo);
    }
}
