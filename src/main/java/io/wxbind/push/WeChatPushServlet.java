package io.wxbind.push;

import io.wxbind.config.PushConfig;
import io.wxbind.metrics.WxBindMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /wechat/push/{appId}}: the URL entered in the WeChat console (protocol §6). GET is the
 * URL check, POST a message or event; {@link WeChatPushHandler} does the protocol. This class
 * only maps HTTP: the path to an app (404), the method (405), the body within its cap (413), and
 * every refusal to a short plain-text answer plus one WARNING line without secrets or content.
 * It writes statuses itself instead of {@code sendError}, so WeChat never gets the HTML error page.
 */
public class WeChatPushServlet extends HttpServlet {

    public static final String PATH = "/wechat/push";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WeChatPushServlet.class.getName());
    /** PostgreSQL's lock_not_available: another delivery of this push still holds its row. */
    private static final String LOCK_TIMEOUT = "55P03";

    @Inject
    WeChatPushHandler handler;

    /** Says at deployment which apps have an endpoint (secrets masked by {@code PushConfig.App}). */
    @Override
    public void init() {
        List<PushConfig.App> apps = handler.apps();
        LOG.info(() -> apps.isEmpty() ? "WeChat push endpoint off (no wechat.push.<appid>.token set)"
                : "WeChat push endpoint " + PATH + "/{appId} open for " + apps);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String appId = appIdOf(request.getPathInfo());
        PushResponse answer;
        try {
            PushConfig.App app = handler.app(appId);
            answer = switch (request.getMethod()) {
                case "GET" -> handler.verifyUrl(app, request.getQueryString());
                case "POST" -> handler.receive(app, request.getQueryString(), readBody(request, handler.maxBodyBytes()));
                default -> {
                    response.setHeader("Allow", "GET, POST");
                    throw new PushRejectedException(405, "method not allowed");
                }
            };
        } catch (PushRejectedException e) {
            WxBindMetrics.pushRefused(e.status());
            LOG.warning(() -> "WeChat push refused (" + e.status() + " " + e.reason() + ") for app " + safe(appId) + " from "
                    + request.getRemoteAddr());
            answer = PushResponse.refused(e);
        } catch (RuntimeException e) {
            answer = failed(appId, e);
        }
        write(response, answer);
    }

    /**
     * A retry that waited too long behind the first delivery gets {@code success}: the first
     * one answers (WeChat has dropped it, but its work commits). Anything else is a 503 and
     * WeChat tries again; nothing was recorded.
     */
    private static PushResponse failed(String appId, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && LOCK_TIMEOUT.equals(sql.getSQLState())) {
                LOG.info(() -> "WeChat push for app " + safe(appId) + " is still being handled by an earlier delivery");
                return PushResponse.success();
            }
        }
        LOG.log(Level.WARNING, "WeChat push for app " + safe(appId) + " failed; nothing recorded, WeChat will retry", e);
        return new PushResponse(503, PushResponse.TEXT, "temporarily unavailable");
    }

    /** Reads at most {@code max} bytes: a declared or actual larger body is a 413 before any parsing. */
    static byte[] readBody(HttpServletRequest request, int max) {
        if (request.getContentLengthLong() > max) {
            throw new PushRejectedException(413, "body too large");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(max + 1);
        } catch (IOException e) {
            throw new PushRejectedException(400, "body unreadable", e);
        }
        if (body.length > max) {
            throw new PushRejectedException(413, "body too large");
        }
        return body;
    }

    /** {@code /wx123} → {@code wx123}; anything else (missing, more segments) names no app. */
    static String appIdOf(String pathInfo) {
        if (pathInfo == null || pathInfo.length() < 2 || pathInfo.indexOf('/', 1) >= 0) {
            return null;
        }
        return pathInfo.substring(1);
    }

    private static void write(HttpServletResponse response, PushResponse answer) throws IOException {
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Appids are short and plain; anything else is not echoed into the log. */
    private static String safe(String appId) {
        return appId != null && appId.matches("[A-Za-z0-9_]{1,32}") ? appId : "?";
    }
}
