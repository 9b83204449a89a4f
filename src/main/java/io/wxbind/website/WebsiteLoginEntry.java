package io.wxbind.website;

import io.wxbind.auth.ContainerLogin;
import io.wxbind.auth.LoginEntry;
import io.wxbind.auth.WeChatAuthenticationMechanism;
import io.wxbind.auth.flow.Continuation;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.flow.LoginFlow;
import io.wxbind.auth.flow.ReturnUrlPolicy;
import io.wxbind.config.WeChatApp;
import io.wxbind.config.WeChatConfig;
import io.wxbind.config.WebsiteConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * {@code GET /wechat/website-login?returnTo=}: flow step 1 through the website app, to WeChat's
 * QR page ({@code connect/qrconnect}). Matches only when a website app is configured; without
 * one the page answers 404 ({@code io.wxbind.web.WebsiteLoginServlet}). A logged-in browser
 * never gets here (the mechanism restores its session first) and is sent on by the page.
 */
@ApplicationScoped
@Priority(1400)
public class WebsiteLoginEntry implements LoginEntry {

    /** Where the desktop login starts. */
    public static final String PATH = "/wechat/website-login";

    @Inject
    WebsiteConfig website;

    @Inject
    WeChatConfig config;

    @Inject
    LoginFlow flow;

    @Inject
    ContainerLogin ends;

    @Override
    public boolean matches(HttpServletRequest request) {
        return website.app().isPresent() && LoginEntry.path(request).equals(PATH)
                && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
    }

    @Override
    public AuthenticationStatus handle(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Optional<String> returnTo = new ReturnUrlPolicy(config.returnUrlOrigins())
                .check(request.getParameter(WeChatAuthenticationMechanism.RETURN_TO), request.getContextPath() + "/");
        if (returnTo.isEmpty()) {
            return ends.problem(request, context, FlowProblem.BAD_RETURN_URL, null);
        }
        WeChatApp app = website.app().orElseThrow();
        return context.redirect(flow.start(request, response, returnTo.get(), WebsiteCallbackContinuation.of(app), app));
    }
}
