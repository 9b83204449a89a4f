package io.wxbind.web;

import io.wxbind.qr.QrProblem;
import io.wxbind.auth.WeChatAuthenticationMechanism;
import io.wxbind.auth.flow.BrowserBinding;
import io.wxbind.auth.flow.FlowProblem;
import io.wxbind.auth.flow.ReturnUrlPolicy;
import io.wxbind.client.ClientAddress;
import io.wxbind.client.ClientAddressResolver;
import io.wxbind.client.UserAgentSummary;
import io.wxbind.config.WeChatConfig;
import io.wxbind.config.WebsiteConfig;
import io.wxbind.qr.QrBindingService;
import io.wxbind.qr.QrCodeClient;
import io.wxbind.qr.QrLoginCompleteEntry;
import io.wxbind.qr.QrOffer;
import io.wxbind.qr.QrScene;
import io.wxbind.qr.QrSceneStore;
import io.wxbind.qr.QrSceneView;
import io.wxbind.util.SecureTokens;
import io.wxbind.wechat.WeChatApiException;
import io.wxbind.wechat.WeChatUnavailableException;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * QR login for a desktop browser that is not logged in: the page shows a login QR bound to
 * this browser and waits (Server-Sent Events from {@link QrLoginEventsServlet}, {@code status} as
 * the polling fallback; both tell only this browser what became of it) until the phone confirmed;
 * the final step ({@code complete}) is done by the mechanism.
 */
public class QrLoginServlet extends HttpServlet {

    static final String PAGE = "/wechat/qr-login";
    static final String STATUS = "/wechat/qr-login/status";
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    QrBindingService service;

    @Inject
    QrSceneStore scenes;

    @Inject
    QrCodeClient qr;

    @Inject
    WeChatConfig config;

    @Inject
    ClientAddressResolver addresses;

    @Inject
    WebsiteConfig website;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        if (path.equals(STATUS)) {
            status(request, response);
        } else if (path.equals(PAGE)) {
            page(request, response);
        } else {
            FlowOutcomeRenderer.render(request, response);
        }
    }

    /** The login scene {@code id} names, if this browser created it. */
    static Optional<QrScene> ownLoginScene(QrSceneStore scenes, HttpServletRequest request) {
        Optional<String> browser = BrowserBinding.hash(request);
        return scenes.find(request.getParameter("id"))
                .filter(s -> s.purpose() == QrScene.Purpose.LOGIN)
                .filter(s -> browser.isPresent() && SecureTokens.constantTimeEquals(s.browserHash(), browser.get()));
    }

    private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String home = request.getContextPath() + "/";
        Optional<String> returnTo = new ReturnUrlPolicy(config.returnUrlOrigins())
                .check(request.getParameter(WeChatAuthenticationMechanism.RETURN_TO), home);
        if (returnTo.isEmpty()) {
            ProblemPage.send(request, response, FlowProblem.BAD_RETURN_URL, null);
            return;
        }
        QrOffer offer;
        ClientAddress client = addresses.of(request);
        try {
            offer = service.offerLogin(BrowserBinding.ensure(request, response), new QrBindingService.Desktop(client.throttleKey(),
                    UserAgentSummary.of(request.getHeader("User-Agent")), client.masked()));
        } catch (WeChatApiException | WeChatUnavailableException e) {
            ProblemPage.send(request, response, FlowProblem.WECHAT_UNAVAILABLE, returnTo.get());
            return;
        }
        if (offer instanceof QrOffer.Throttled throttled) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            ProblemPage.send(request, response, QrProblem.QR_LOGIN_THROTTLED, returnTo.get());
            return;
        }
        QrScene scene = ((QrOffer.Ready) offer).scene();
        String ctx = request.getContextPath();
        String complete = ctx + QrLoginCompleteEntry.PATH + "?id=" + scene.id() + "&"
                + WeChatAuthenticationMechanism.RETURN_TO + "=" + Html.url(returnTo.get());
        Html.send(response, 200, "Log in by scanning with WeChat",
                "<div class=\"card\" id=\"qr-login\" data-status-url=\"" + Html.esc(ctx + STATUS + "?id=" + scene.id())
                        + "\" data-events-url=\"" + Html.esc(ctx + QrLoginEventsServlet.PATH + "?id=" + scene.id())
                        + "\" data-complete-url=\"" + Html.esc(complete) + "\"><p>Open WeChat on your phone and scan this code, "
                        + "then confirm in WeChat. Your WeChat must already be bound to your account.</p>"
                        + "<img id=\"qr-image\" width=\"220\" height=\"220\" alt=\"QR code to scan with WeChat\" src=\""
                        + Html.esc(qr.imageUrl(scene.ticket())) + "\"><p id=\"qr-status\" role=\"status\" data-status=\"pending\">"
                        + "Waiting for the scan…</p></div>" + websiteOption(request, returnTo.get())
                        + "<script src=\"" + Html.esc(ctx + "/wechat/static/qr-login.js") + "\"></script>");
    }

    /** The other way in on a desktop, when a website app is configured: WeChat's own QR page, where the person confirms on the phone. */
    private String websiteOption(HttpServletRequest request, String returnTo) {
        String link = WebsiteLoginServlet.link(website, request, returnTo);
        return link == null ? "" : "<div class=\"card\"><p>Or log in on WeChat's own QR page (scan, then confirm on your phone):</p>"
                + "<p><a class=\"btn secondary\" id=\"website-login-link\" href=\"" + Html.esc(link) + "\">Log in with WeChat (website)</a></p></div>";
    }

    /** JSON for this browser's scene only: anyone else learns nothing (404). */
    private void status(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<QrScene> scene = ownLoginScene(scenes, request);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        if (scene.isEmpty()) {
            response.setStatus(404);
            response.getOutputStream().write("{\"error\":\"not_found\",\"message\":\"No such QR login in this browser.\"}"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.getOutputStream().write(JSON.toJson(QrSceneView.of(scene.get(), Instant.now())).getBytes(StandardCharsets.UTF_8));
    }
}
